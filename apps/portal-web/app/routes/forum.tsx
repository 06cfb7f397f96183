import { Link } from 'react-router';
import {
  ForumThreadListDocument,
  ForumThreadsDocument,
  ThreadSort,
  type ThreadStatus,
} from '../__generated__/graphql';
import { FilterForm, SearchField, SelectField } from '../components/list-filters';
import { DateText, NextPage } from '../components/ui';
import { THREAD_KINDS } from '../lib/forum';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/forum';

const SORTS = Object.values(ThreadSort);
/** The statuses the public may filter by (not HIDDEN). */
const STATUSES: ThreadStatus[] = ['OPEN', 'ANSWERED', 'REFERRED', 'CLOSED'];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { q, after, oneOf } = listQuery(request);
  const kind = oneOf('loai', THREAD_KINDS);
  const sort = oneOf('sap-xep', SORTS) ?? 'NEWEST';
  const status = oneOf('trang-thai', STATUSES);
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
        <SelectField
          id="kind"
          name="loai"
          label={t('kind')}
          options={THREAD_KINDS.map((k) => ({ value: k, label: t(`kind${k}`) }))}
          value={kind}
          empty={t('all')}
        />
        <SelectField
          id="status"
          name="trang-thai"
          label={t('status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`status${s}`) }))}
          value={status}
          empty={t('all')}
        />
        <SelectField
          id="sort"
          name="sap-xep"
          label={t('sort')}
          options={SORTS.map((s) => ({ value: s, label: t(`sort${s}`) }))}
          value={sort}
        />
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
