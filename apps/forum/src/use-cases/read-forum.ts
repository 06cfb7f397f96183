import type { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { paginate, pageSize, type Page } from '@portal/db';
import { threadListQuery, type ThreadListFilter } from '../domain/thread-query';
import { assertModerator } from '../domain/permissions';
import { isModerator } from '../domain/visibility';
import type {
  ForumModels,
  ModerationItemDoc,
  ModerationLogDoc,
  PostDoc,
  ThreadDoc,
} from '../models';

const EMPTY = <T>(): Page<T> => ({
  nodes: [],
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: async () => 0,
});

/** A page of threads the viewer may list, in the requested order. */
export async function listThreads(
  models: ForumModels,
  viewer: Viewer,
  filter: ThreadListFilter,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<ThreadDoc>> {
  pageSize(first);
  const query = threadListQuery(filter, viewer);
  if (query.empty) return EMPTY();
  return paginate(models.threads, { filter: query.filter, sort: query.sort, first, after });
}

/**
 * A thread's replies oldest first (the official answer is shown apart). Hidden replies
 * are listed for moderators, and for their own authors; removed ones for moderators only.
 */
export function listReplies(
  models: ForumModels,
  viewer: Viewer,
  threadId: Types.ObjectId,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<PostDoc>> {
  const filter: Record<string, unknown> = { threadId, isOfficialAnswer: false };
  if (!isModerator(viewer)) {
    filter.$or = viewer.id
      ? [{ visibility: 'VISIBLE' }, { visibility: 'HIDDEN', authorId: viewer.id }]
      : [{ visibility: 'VISIBLE' }];
  }
  return paginate(models.posts, {
    filter,
    sort: [
      ['createdAt', 1],
      ['_id', 1],
    ],
    first,
    after,
  });
}

/** Pending moderation items, oldest first. */
export function moderationQueue(
  models: ForumModels,
  viewer: Viewer,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<ModerationItemDoc>> {
  assertModerator(viewer);
  return paginate(models.moderationItems, {
    filter: { pending: true },
    sort: [
      ['queuedAt', 1],
      ['_id', 1],
    ],
    first,
    after,
  });
}

/** The moderation log, newest first, for one target or all. */
export function moderationLog(
  models: ForumModels,
  viewer: Viewer,
  targetId: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<ModerationLogDoc>> {
  assertModerator(viewer);
  return paginate(models.moderationLog, {
    filter: targetId ? { targetId } : {},
    sort: [
      ['at', -1],
      ['_id', -1],
    ],
    first,
    after,
  });
}
