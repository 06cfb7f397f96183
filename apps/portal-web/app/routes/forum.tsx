import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import {
  ForumThreadListDocument,
  ForumThreadsDocument,
  type ThreadKind,
  type ThreadSort,
  type ThreadStatus,
} from '../__generated__/graphql';
import { DateText, NextPage } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { pageMeta, rootData } from '../lib/meta';
import { usePortal } from '../lib/portal-data';

const KINDS: ThreadKind[] = ['PROPOSAL', 'QUESTION', 'FEEDBACK', 'DISCUSSION'];
const SORTS: ThreadSort[] = ['NEWEST', 'MOST_VOTED', 'ACTIVE', 'UNANSWERED'];
const STATUSES: ThreadStatus[] = ['OPEN', 'ANSWERED', 'REFERRED', 'CLOSED'];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const kind = KINDS.find((k) => k === params.get('loai'));
  const sort = SORTS.find((s) => s === params.get('sap-xep')) ?? 'NEWEST';
  const status = STATUSES.find((s) => s === params.get('trang-thai'));
  const q = params.get('q')?.trim().slice(0, 200) || undefined;
  const after = params.get('sau') || undefined;
  const opt = { ...(kind ? { kind } : {}), ...(q ? { q } : {}), ...(after ? { after } : {}) };
  // The newest threads are the contract's ForumThreads; other orders and status need the portal's list.
  const threads =
    sort === 'NEWEST' && !status
      ? (await loadOrThrow(context, ForumThreadsDocument, opt)).threads
      : (
          await loadOrThrow(context, ForumThreadListDocument, {
            ...opt,
            sort,
            ...(status ? { status } : {}),
          })
        ).threads;
  return { kind, sort, status, q, threads };
}

export const meta: MetaFunction = ({ matches }) => {
  const root = rootData(matches);
  return pageMeta(root, {
    title: root?.lang === 'en' ? 'Forum' : 'Diễn đàn hiến kế',
    path: '/dien-dan',
  });
};

export default function Forum() {
  const { kind, sort, status, q, threads } = useLoaderData<typeof loader>();
  const { t } = usePortal();
  return (
    <div>
      <div className="title-row">
        <h1>{t('forum')}</h1>
        <Link className="button" to="/dien-dan/moi">
          {t('newThread')}
        </Link>
      </div>
      <form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t('search')}</label>
          <input id="q" name="q" type="search" defaultValue={q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="kind">{t('kind')}</label>
          <select id="kind" name="loai" defaultValue={kind ?? ''}>
            <option value="">{t('all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t('status')}</label>
          <select id="status" name="trang-thai" defaultValue={status ?? ''}>
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">{t('sort')}</label>
          <select id="sort" name="sap-xep" defaultValue={sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filter')}</button>
      </form>
      <p className="meta">
        {threads?.totalCount ?? 0} {t('threads').toLowerCase()}
      </p>
      <ul className="article-list large">
        {(threads?.nodes ?? []).map((th) => (
          <li key={th.id}>
            <h2>
              <Link to={`/dien-dan/${th.id}`}>{th.title}</Link>
            </h2>
            <p className="meta">
              {t(`kind${th.kind}`)} · {t(`status${th.status}`)} · {th.voteCount} {t('votes')} ·{' '}
              {th.replyCount} {t('replies')} · {th.author?.displayName} ·{' '}
              <DateText iso={th.createdAt} />
            </p>
          </li>
        ))}
      </ul>
      <NextPage cursor={threads?.pageInfo.hasNextPage ? threads.pageInfo.endCursor : null} />
    </div>
  );
}
