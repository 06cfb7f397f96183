import {
  NewsListDocument,
  SearchArticlesDocument,
  type ArticleKind,
  ArticleScope,
} from '../__generated__/graphql';
import { ArticleTeaser } from '../components/article-teaser';
import { FilterFields, FilterForm, SearchField } from '../components/list-filters';
import { NextPage, ResultCount } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listFilter, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/news';

const FILTERS = {
  scope: listFilter({
    param: 'pham-vi',
    id: 'scope',
    label: 'scope',
    choices: Object.values(ArticleScope),
    choiceLabel: (s) => `scope${s}`,
    empty: 'allScopes',
  }),
  kind: listFilter<ArticleKind>({
    param: 'loai',
    id: 'kind',
    label: 'kind',
    // The news filter's own order (the handbook last), not the graph's.
    choices: ['NEWS', 'PLAN', 'PROGRAMME', 'ANNOUNCEMENT', 'COOPERATION', 'HANDBOOK'],
    empty: 'allKinds',
  }),
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = listQuery(request);
  const { q, after } = query;
  const { scope, kind } = query.filters(FILTERS);
  // A plain search is the contract's SearchArticles; filters need the portal's NewsList.
  if (q && !scope && !kind) {
    const data = await loadOrThrow(context, SearchArticlesDocument, {
      q,
      ...definedOnly({ after }),
    });
    return { q, scope, kind, list: data.articles };
  }
  const data = await loadOrThrow(context, NewsListDocument, {
    ...definedOnly({ q, scope, after }),
    kind: kind ?? (q ? undefined : 'NEWS'),
  });
  return { q, scope, kind, list: data.articles };
}

export const meta = sectionMeta({
  path: '/tin-tuc',
  title: { vi: 'Tin tức', en: 'News' },
});

export default function News({ loaderData }: Route.ComponentProps) {
  const { q, scope, kind, list } = loaderData;
  const { t } = usePortal();
  return (
    <div>
      <h1>{t('news')}</h1>
      <FilterForm search>
        <SearchField
          id="q"
          label={t('searchNews')}
          value={q}
          placeholder={t('searchPlaceholder')}
        />
        <FilterFields filters={FILTERS} chosen={{ scope, kind }} />
      </FilterForm>
      <ResultCount list={list} />
      <ul className="article-list large" data-testid="news-results">
        {(list?.nodes ?? []).map((a) => (
          <ArticleTeaser key={a.id} article={a} dated />
        ))}
      </ul>
      {list?.nodes.length === 0 && <p>{t('noResults')}</p>}
      <NextPage page={list} />
    </div>
  );
}
