import type { Viewer } from '@portal/auth';
import { forbidden } from '@portal/errors';
import type { SortSpec } from '@portal/db';
import { queryTokens, slugify } from '@portal/text';
import type { ThreadKind, ThreadSort, ThreadStatus } from './forum-types';
import { isModerator } from './visibility';

export interface ThreadListFilter {
  kind?: ThreadKind | null;
  status?: ThreadStatus | null;
  categoryId?: string | null;
  tag?: string | null;
  department?: string | null;
  search?: string | null;
  authorId?: string | null;
  sort?: ThreadSort | null;
}

export interface ThreadListQuery {
  filter: Record<string, unknown>;
  sort: SortSpec;
  /** True when a search had no words at all: the answer is empty. */
  empty: boolean;
}

const SORTS: Record<ThreadSort, SortSpec> = {
  NEWEST: [
    ['createdAt', -1],
    ['_id', -1],
  ],
  MOST_VOTED: [
    ['voteCount', -1],
    ['createdAt', -1],
    ['_id', -1],
  ],
  ACTIVE: [
    ['lastActivityAt', -1],
    ['_id', -1],
  ],
  UNANSWERED: [
    ['createdAt', 1],
    ['_id', 1],
  ],
};

/**
 * The MongoDB filter and sort for a thread list. The public sees VISIBLE threads only;
 * HIDDEN (hidden or removed) threads are listed for moderators who ask for them.
 */
export function threadListQuery(filter: ThreadListFilter, viewer: Viewer): ThreadListQuery {
  const sort = filter.sort ?? 'NEWEST';
  const query: Record<string, unknown> = {};
  if (filter.status === 'HIDDEN') {
    if (!isModerator(viewer)) throw forbidden('Only moderators list hidden threads');
    query.visibility = { $in: ['HIDDEN', 'REMOVED'] };
  } else {
    query.visibility = 'VISIBLE';
    if (filter.status) query.workflowStatus = filter.status;
  }
  if (sort === 'UNANSWERED') {
    if (filter.status && filter.status !== 'OPEN' && filter.status !== 'HIDDEN')
      return { filter: query, sort: SORTS[sort], empty: true };
    query.workflowStatus = 'OPEN';
  }
  if (filter.kind) query.kind = filter.kind;
  if (filter.categoryId) query.categoryId = filter.categoryId;
  if (filter.department) query.assignedDepartment = filter.department;
  if (filter.authorId) query.authorId = filter.authorId;
  const and: Record<string, unknown>[] = [];
  if (filter.tag) and.push({ tagKeys: slugify(filter.tag) });
  let empty = false;
  if (filter.search != null) {
    const tokens = queryTokens(filter.search);
    if (tokens.length === 0) empty = filter.search.trim().length > 0;
    else and.push({ searchTokens: { $all: tokens } });
  }
  if (and.length) query.$and = and;
  return { filter: query, sort: SORTS[sort], empty };
}
