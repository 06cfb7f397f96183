import { DatasetDocument, type DatasetQuery } from '../../__generated__/graphql';
import { DateText, Fact, ItemHeading } from '../../components/ui';
import { loadOrThrow, orNotFound } from '../../lib/graphql.server';
import { describedMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import type { Route } from './+types/dataset';

type Resource = NonNullable<DatasetQuery['dataset']>['resources'][number];

export async function loader({ params, context }: Route.LoaderArgs) {
  const data = await loadOrThrow(context, DatasetDocument, { name: params.name });
  return { dataset: orNotFound(data.dataset) };
}

export const meta: Route.MetaFunction = describedMeta(
  (data) => data.dataset,
  (dataset) => `/du-lieu-mo/${encodeURIComponent(dataset.name)}`,
);

function size(bytes: number | null): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Preview({ resource }: { resource: Resource }) {
  const { l } = usePortal();
  const p = resource.preview;
  if (p.status === 'PENDING')
    return (
      <p className="meta">{l('Đang chuẩn bị bản xem trước.', 'The preview is being prepared.')}</p>
    );
  if (p.status === 'UNSUPPORTED')
    return (
      <p className="meta">
        {l('Định dạng này không có bản xem trước.', 'No preview for this format.')}
      </p>
    );
  if (p.status === 'UNREADABLE')
    return (
      <p className="meta">
        {l('Không đọc được tệp này', 'This file could not be read')}
        {p.message ? `: ${p.message}` : '.'}
      </p>
    );
  return (
    <>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby={`res-${resource.id}-caption`}
      >
        <table className="table" data-testid="preview-table">
          <caption id={`res-${resource.id}-caption`}>
            {l('Xem trước', 'Preview')}: <span lang="vi">{resource.name}</span>
            {' — '}
            {l(`${p.rows.length} dòng đầu`, `first ${p.rows.length} rows`)}
          </caption>
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th scope="col" key={c.name}>
                  <span lang="vi">{c.name}</span> <span className="meta">({c.type})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody lang="vi">
            {p.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.truncated && (
        <p className="meta">
          {l(
            'Tệp còn nhiều dòng hơn; tải về để xem đầy đủ.',
            'The file has more rows; download it to see them all.',
          )}
        </p>
      )}
    </>
  );
}

export default function Dataset({ loaderData }: Route.ComponentProps) {
  const { dataset } = loaderData;
  const { t, l } = usePortal();
  return (
    <article className="dataset">
      <ItemHeading
        back={{ to: '/du-lieu-mo', label: t('openData') }}
        title={dataset.title}
        description={dataset.description}
      />
      <dl className="facts">
        <Fact term={l('Đơn vị công bố', 'Publisher')} lang="vi">
          {dataset.publisher?.title}
        </Fact>
        <Fact term={l('Giấy phép', 'Licence')}>
          {dataset.licence &&
            (dataset.licence.url ? (
              <a href={dataset.licence.url} rel="noopener noreferrer">
                {dataset.licence.title}
              </a>
            ) : (
              dataset.licence.title
            ))}
        </Fact>
        <Fact term={l('Tần suất cập nhật', 'Update frequency')} lang="vi">
          {dataset.updateFrequency}
        </Fact>
        <dt>{t('updated')}</dt>
        <dd>
          <DateText iso={dataset.modifiedAt} />
        </dd>
        <Fact term={t('tags')} lang="vi">
          {dataset.tags.join(', ')}
        </Fact>
      </dl>
      <p>
        <a href={dataset.portalUrl} rel="noopener noreferrer">
          {l('Xem trên Cổng dữ liệu mở', 'See it on the open-data portal')}
        </a>
      </p>
      <section aria-labelledby="h-resources">
        <h2 id="h-resources">{l('Tệp dữ liệu', 'Files')}</h2>
        {dataset.resources.map((r) => (
          <section
            key={r.id}
            aria-labelledby={`res-${r.id}`}
            className="panel"
            data-testid="resource"
          >
            <h3 id={`res-${r.id}`} lang="vi">
              {r.name}
            </h3>
            {r.description && <p lang="vi">{r.description}</p>}
            <p className="meta">
              {r.format}
              {r.sizeBytes != null && ` · ${size(r.sizeBytes)}`}
              {r.modifiedAt && (
                <>
                  {' · '}
                  {t('updated')} <DateText iso={r.modifiedAt} />
                </>
              )}
              {' · '}
              <a href={r.downloadUrl} rel="noopener noreferrer" aria-describedby={`res-${r.id}`}>
                {t('download')}
              </a>
            </p>
            <Preview resource={r} />
          </section>
        ))}
      </section>
    </article>
  );
}
