import {
  NewsListDocument,
  SearchArticlesDocument,
  type ArticleKind,
  ArticleScope,
} from '../__generated__/graphql';
import { ArticleTeaser } from '../components/article-teaser';
import { FilterForm, SearchField, SelectField } from '../components/list-filters';
import { NextPage, ResultCount } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/news';

const SCOPES = Object.values(ArticleScope);
/** The kinds the news filter offers, in its own order (the handbook last), not the graph's. */
const KINDS: ArticleKind[] = [
  'NEWS',
  'PLAN',
  'PROGRAMME',
  'ANNOUNCEMENT',
  'COOPERATION',
  'HANDBOOK',
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { q, after, oneOf } = listQuery(request);
  const scope = oneOf('pham-vi', SCOPES);
  const kind = oneOf('loai', KINDS);
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
        <SelectField
          id="scope"
          name="pham-vi"
          label={t('scope')}
          options={SCOPES.map((s) => ({ value: s, label: t(`scope${s}`) }))}
          value={scope}
          empty={t('allScopes')}
        />
        <SelectField
          id="kind"
          name="loai"
          label={t('kind')}
          options={KINDS}
          value={kind}
          empty={t('allKinds')}
        />
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
