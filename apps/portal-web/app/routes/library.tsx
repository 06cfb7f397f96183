import { Link } from 'react-router';
import { LibrarySearchDocument } from '../__generated__/graphql';
import { FilterFields, FilterForm, SearchField } from '../components/list-filters';
import { NextPage, Section } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listFilter, listQuery } from '../lib/list-query';
import { LIBRARY_AUDIENCES, MEDIA_FORMATS } from '../lib/library-facets';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/library';

const FILTERS = {
  format: listFilter({
    param: 'dinh-dang',
    id: 'format',
    label: 'format',
    choices: MEDIA_FORMATS,
    empty: 'all',
  }),
  // The topics offered are the library's own (libraryTopics), with their item counts.
  topic: listFilter({ param: 'chu-de', id: 'topic', label: 'topic', maxLength: 100, empty: 'all' }),
  audience: listFilter({
    param: 'doi-tuong',
    id: 'audience',
    label: 'audience',
    choices: LIBRARY_AUDIENCES,
    empty: 'all',
  }),
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = listQuery(request);
  const { params, q, after } = query;
  const filters = {
    ...query.filters(FILTERS),
    collectionId: params.get('bo-suu-tap')?.slice(0, 64) || undefined,
    q,
  };
  const data = await loadOrThrow(
    context,
    LibrarySearchDocument,
    definedOnly({ ...filters, after }),
  );
  return { filters, data };
}

export const meta = sectionMeta({
  path: '/thu-vien',
  title: { vi: 'Thư viện số', en: 'Library' },
});

export default function Library({ loaderData }: Route.ComponentProps) {
  const { filters, data } = loaderData;
  const { t } = usePortal();
  const items = data.libraryItems;
  return (
    <div>
      <h1>{t('library')}</h1>
      <FilterForm search>
        <SearchField id="q" label={t('search')} value={filters.q} />
        <FilterFields
          filters={FILTERS}
          chosen={filters}
          options={{
            topic: (data.libraryTopics ?? []).map((tp) => ({
              value: tp.topic,
              label: `${tp.topic} (${tp.itemCount})`,
            })),
          }}
        />
      </FilterForm>
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
      <NextPage page={items} />
      {(data.collections?.nodes.length ?? 0) > 0 && (
        <Section headingId="h-collections" title={t('collections')} className="panel">
          <ul className="article-list">
            {data.collections!.nodes.map((c) => (
              <li key={c.id}>
                <Link to={`/thu-vien?bo-suu-tap=${c.id}`}>{c.title}</Link>{' '}
                <span className="meta">({c.itemCount})</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
