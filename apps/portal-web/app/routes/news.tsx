import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import {
  NewsListDocument,
  SearchArticlesDocument,
  type ArticleKind,
  type ArticleScope,
} from '../__generated__/graphql';
import { DateText, NextPage } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { pageMeta, rootData } from '../lib/meta';
import { usePortal } from '../lib/portal-data';

const SCOPES: ArticleScope[] = ['CITY', 'NATIONAL', 'WORLD'];
const KINDS: ArticleKind[] = [
  'NEWS',
  'PLAN',
  'PROGRAMME',
  'ANNOUNCEMENT',
  'COOPERATION',
  'HANDBOOK',
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim().slice(0, 200) || undefined;
  const scope = SCOPES.find((s) => s === params.get('pham-vi'));
  const kind = KINDS.find((k) => k === params.get('loai'));
  const after = params.get('sau') || undefined;
  // A plain search is the contract's SearchArticles; filters need the portal's NewsList.
  if (q && !scope && !kind) {
    const data = await loadOrThrow(context, SearchArticlesDocument, {
      q,
      ...(after ? { after } : {}),
    });
    return { q, scope, kind, list: data.articles };
  }
  const data = await loadOrThrow(context, NewsListDocument, {
    ...(q ? { q } : {}),
    ...(scope ? { scope } : {}),
    kind: kind ?? (q ? undefined : 'NEWS'),
    ...(after ? { after } : {}),
  });
  return { q, scope, kind, list: data.articles };
}

export const meta: MetaFunction = ({ matches }) => {
  const root = rootData(matches);
  return pageMeta(root, { title: root?.lang === 'en' ? 'News' : 'Tin tức', path: '/tin-tuc' });
};

export default function News() {
  const { q, scope, kind, list } = useLoaderData<typeof loader>();
  const { t } = usePortal();
  return (
    <div>
      <h1>{t('news')}</h1>
      <form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t('searchNews')}</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q ?? ''}
            placeholder={t('searchPlaceholder')}
          />
        </div>
        <div className="field">
          <label htmlFor="scope">{t('scope')}</label>
          <select id="scope" name="pham-vi" defaultValue={scope ?? ''}>
            <option value="">{t('allScopes')}</option>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`scope${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">{t('kind')}</label>
          <select id="kind" name="loai" defaultValue={kind ?? ''}>
            <option value="">{t('allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filter')}</button>
      </form>
      <p className="meta" aria-live="polite">
        {list?.totalCount ?? 0} {t('results')}
      </p>
      <ul className="article-list large" data-testid="news-results">
        {(list?.nodes ?? []).map((a) => (
          <li key={a.id}>
            <h2>
              <Link to={`/bai-viet/${a.slug}`}>{a.title}</Link>
            </h2>
            <p>{a.summary}</p>
            <p className="meta">
              <DateText iso={a.publishedAt} />
            </p>
          </li>
        ))}
      </ul>
      {list?.nodes.length === 0 && <p>{t('noResults')}</p>}
      <NextPage cursor={list?.pageInfo.hasNextPage ? list.pageInfo.endCursor : null} />
    </div>
  );
}
