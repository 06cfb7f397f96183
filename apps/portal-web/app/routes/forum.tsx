import { Link } from 'react-router';
import {
  ForumThreadListDocument,
  ForumThreadsDocument,
  ThreadSort,
  type ThreadStatus,
} from '../__generated__/graphql';
import { FilterFields, FilterForm, SearchField } from '../components/list-filters';
import { DateText, NextPage } from '../components/ui';
import { THREAD_KINDS } from '../lib/forum';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listFilter, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/forum';

const FILTERS = {
  kind: listFilter({
    param: 'loai',
    id: 'kind',
    label: 'kind',
    choices: THREAD_KINDS,
    choiceLabel: (k) => `kind${k}`,
    empty: 'all',
  }),
  status: listFilter<ThreadStatus>({
    param: 'trang-thai',
    id: 'status',
    label: 'status',
    // The statuses the public may filter by (not HIDDEN).
    choices: ['OPEN', 'ANSWERED', 'REFERRED', 'CLOSED'],
    choiceLabel: (s) => `status${s}`,
    empty: 'all',
  }),
  sort: listFilter({
    param: 'sap-xep',
    id: 'sort',
    label: 'sort',
    choices: Object.values(ThreadSort),
    choiceLabel: (s) => `sort${s}`,
  }),
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = listQuery(request);
  const { q, after } = query;
  const { kind, status, sort = 'NEWEST' } = query.filters(FILTERS);
  const opt = definedOnly({ kind, q, after });
  // The newest threads are the contract's ForumThreads; other orders and status need the portal's list.
  const threads =
    sort === 'NEWEST' && !status
      ? (await loadOrThrow(context, ForumThreadsDocument, opt)).threads
      : (
          await loadOrThrow(context, ForumThreadListDocument, {
            ...opt,
            sort,
            ...definedOnly({ status }),
          })
        ).threads;
  return { kind, sort, status, q, threads };
}

export const meta = sectionMeta({
  path: '/dien-dan',
  title: { vi: 'Diễn đàn hiến kế', en: 'Forum' },
});

export default function Forum({ loaderData }: Route.ComponentProps) {
  const { kind, sort, status, q, threads } = loaderData;
  const { t } = usePortal();
  return (
    <div>
      <div className="title-row">
        <h1>{t('forum')}</h1>
        <Link className="button" to="/dien-dan/moi">
          {t('newThread')}
        </Link>
      </div>
      <FilterForm search>
        <SearchField id="q" label={t('search')} value={q} />
        <FilterFields filters={FILTERS} chosen={{ kind, status, sort }} />
      </FilterForm>
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
      <NextPage page={threads} />
    </div>
  );
}
