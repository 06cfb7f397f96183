import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import {
  LibrarySearchDocument,
  type LibraryAudience,
  type MediaFormat,
} from '../__generated__/graphql';
import { NextPage } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { pageMeta, rootData } from '../lib/meta';
import { usePortal } from '../lib/portal-data';

const FORMATS: MediaFormat[] = ['DOCUMENT', 'VIDEO', 'AUDIO', 'SLIDES', 'EBOOK', 'COURSE', 'LINK'];
const AUDIENCES: LibraryAudience[] = ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = {
    format: FORMATS.find((f) => f === params.get('dinh-dang')),
    audience: AUDIENCES.find((a) => a === params.get('doi-tuong')),
    topic: params.get('chu-de')?.slice(0, 100) || undefined,
    collectionId: params.get('bo-suu-tap')?.slice(0, 64) || undefined,
    q: params.get('q')?.trim().slice(0, 200) || undefined,
  };
  const after = params.get('sau') || undefined;
  const variables = Object.fromEntries(
    Object.entries({ ...filters, after }).filter(([, v]) => v !== undefined),
  );
  const data = await loadOrThrow(context, LibrarySearchDocument, variables);
  return { filters, data };
}

export const meta: MetaFunction = ({ matches }) => {
  const root = rootData(matches);
  return pageMeta(root, {
    title: root?.lang === 'en' ? 'Library' : 'Thư viện số',
    path: '/thu-vien',
  });
};

export default function Library() {
  const { filters, data } = useLoaderData<typeof loader>();
  const { t } = usePortal();
  const items = data.libraryItems;
  return (
    <div>
      <h1>{t('library')}</h1>
      <form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t('search')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="format">{t('format')}</label>
          <select id="format" name="dinh-dang" defaultValue={filters.format ?? ''}>
            <option value="">{t('all')}</option>
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="topic">{t('topic')}</label>
          <select id="topic" name="chu-de" defaultValue={filters.topic ?? ''}>
            <option value="">{t('all')}</option>
            {(data.libraryTopics ?? []).map((tp) => (
              <option key={tp.topic} value={tp.topic}>
                {tp.topic} ({tp.itemCount})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audience">{t('audience')}</label>
          <select id="audience" name="doi-tuong" defaultValue={filters.audience ?? ''}>
            <option value="">{t('all')}</option>
            {AUDIENCES.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filter')}</button>
      </form>
      <p className="meta">
        {items?.totalCount ?? 0} {t('results')} · <Link to="/ung-dung">{t('apps')}</Link>
      </p>
      <ul className="cards">
        {(items?.nodes ?? []).map((item) => (
          <li key={item.id} className="card">
            <h2>
              <Link to={`/thu-vien/${item.slug}`}>{item.title}</Link>
            </h2>
            <p className="meta">
              {item.format}
              {item.publisher ? ` · ${item.publisher}` : ''} · {item.downloadCount} ↓
            </p>
            {item.description && <p>{item.description}</p>}
          </li>
        ))}
      </ul>
      <NextPage cursor={items?.pageInfo.hasNextPage ? items.pageInfo.endCursor : null} />
      {(data.collections?.nodes.length ?? 0) > 0 && (
        <section aria-labelledby="h-collections" className="panel">
          <h2 id="h-collections">{t('collections')}</h2>
          <ul className="article-list">
            {data.collections!.nodes.map((c) => (
              <li key={c.id}>
                <Link to={`/thu-vien?bo-suu-tap=${c.id}`}>{c.title}</Link>{' '}
                <span className="meta">({c.itemCount})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
