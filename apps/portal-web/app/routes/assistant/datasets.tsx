import { DatasetsDocument } from '../../__generated__/graphql';
import { DateText, ListItemHeading, PagedList, ResultCount } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { sectionMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import type { Route } from './+types/datasets';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { q, after } = listQuery(request);
  const data = await loadOrThrow(context, DatasetsDocument, {
    first: 20,
    ...(q ? { filter: { search: q } } : {}),
    ...definedOnly({ after }),
  });
  return { q: q ?? '', datasets: data.datasets };
}

export const meta = sectionMeta({
  path: '/du-lieu-mo',
  title: { vi: 'Dữ liệu mở', en: 'Open data' },
  description: {
    vi: 'Danh mục dữ liệu mở của Thành phố: đơn vị công bố, giấy phép, định dạng và xem trước từng tệp.',
    en: 'The city’s open datasets: publishers, licences, formats and a preview of each file.',
  },
});

export default function Datasets({ loaderData }: Route.ComponentProps) {
  const { q, datasets } = loaderData;
  const { t, l } = usePortal();
  return (
    <div>
      <h1>{t('openData')}</h1>
      <p>
        {l(
          'Dữ liệu mở do các sở, ngành của Thành phố công bố, đồng bộ từ Cổng dữ liệu mở. Tìm kiếm không cần gõ dấu.',
          'Open data published by the city’s departments, synced from the open-data portal. Search works without accents.',
        )}
      </p>
      <form
        method="get"
        role="search"
        className="inline"
        aria-label={l('Tìm dữ liệu', 'Search datasets')}
      >
        <label htmlFor="dataset-q">{l('Tìm bộ dữ liệu', 'Search datasets')}</label>
        <input
          id="dataset-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={l('Ví dụ: wifi cong cong', 'e.g. wifi')}
        />
        <button type="submit">{t('search')}</button>
      </form>
      <ResultCount list={datasets} />
      <PagedList page={datasets} testId="dataset-list">
        {(d) => (
          <li>
            <ListItemHeading
              to={`/du-lieu-mo/${encodeURIComponent(d.name)}`}
              title={d.title}
              description={d.description}
            />
            <p className="meta">
              {d.publisher && <span lang="vi">{d.publisher.title} · </span>}
              {d.formats.join(', ')}
              {d.updateFrequency && <span lang="vi"> · {d.updateFrequency}</span>}
              {' · '}
              {t('updated')} <DateText iso={d.modifiedAt} />
            </p>
          </li>
        )}
      </PagedList>
    </div>
  );
}
