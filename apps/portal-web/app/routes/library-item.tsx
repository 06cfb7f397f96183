import {
  LibraryItemMediaDocument,
  LibraryItemPageDocument,
  RecordLibraryItemViewDocument,
} from '../__generated__/graphql';
import { Breadcrumb, DateText } from '../components/ui';
import { loadOrThrow, orNotFound, runOperation } from '../lib/graphql.server';
import { describedMeta } from '../lib/meta';
import { recordPageView } from '../lib/page-view.server';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/library-item';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const slug = params.slug;
  const [page, media] = await Promise.all([
    loadOrThrow(context, LibraryItemPageDocument, { slug }),
    runOperation(context, LibraryItemMediaDocument, { slug }),
  ]);
  const item = orNotFound(page.libraryItem);
  await recordPageView(request, context, RecordLibraryItemViewDocument, (view) => ({
    id: item.id,
    view,
  }));
  return { item, media: media.ok ? media.data.libraryItem : null };
}

export const meta: Route.MetaFunction = describedMeta(
  (data) => data.item,
  (item) => `/thu-vien/${item.slug}`,
);

function size(bytes: number): string {
  return bytes > 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} kB`;
}

export default function LibraryItem({ loaderData }: Route.ComponentProps) {
  const { item, media } = loaderData;
  const { t } = usePortal();
  const names = new Map(media?.files.map((f) => [f.id, f.originalName]) ?? []);
  return (
    <article lang={item.language || 'vi'}>
      <Breadcrumb
        trail={[
          { to: '/thu-vien', label: t('library') },
          ...(item.collection
            ? [{ to: `/thu-vien?bo-suu-tap=${item.collection.id}`, label: item.collection.title }]
            : []),
        ]}
      />
      <h1>{item.title}</h1>
      <p className="meta">
        {item.format}
        {item.publisher ? ` · ${item.publisher}` : ''} · <DateText iso={item.publishedAt} />
      </p>
      {item.description && <p className="lead">{item.description}</p>}
      {item.files.map((file) => {
        const name = names.get(file.id) ?? file.id;
        return (
          <div key={file.id} className="media-file">
            {/* The gateway serves files with byte ranges, so players can seek. */}
            {file.mimeType.startsWith('video/') && (
              <video controls preload="metadata" src={file.url} width="640">
                <track kind="captions" />
              </video>
            )}
            {file.mimeType.startsWith('audio/') && (
              <audio controls preload="metadata" src={file.url} />
            )}
            <p>
              <a href={file.url} download={name}>
                {t('download')} {name}
              </a>{' '}
              <span className="meta">
                ({file.mimeType}, {size(file.sizeBytes)})
              </span>
            </p>
          </div>
        );
      })}
      {media?.externalUrl && (
        <p>
          <a href={media.externalUrl} rel="noopener">
            {media.externalUrl}
          </a>
        </p>
      )}
      <dl className="facts">
        <dt>{t('topic')}</dt>
        <dd>{item.topics.join(', ')}</dd>
        <dt>{t('audience')}</dt>
        <dd>{item.audience.join(', ')}</dd>
      </dl>
    </article>
  );
}
