import DataLoader from 'dataloader';
import type { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { cachedListValue, pageCacheOf } from '@portal/db';
import { createByIdLoader, createDocumentLoader, createGroupLoader } from '@portal/graphql-kit';
import { maybeId } from './domain/ids';
import type { ForumModels } from './models';
import { profilesByPublicId, type PublicIds } from './services/profiles';

function objectIds(ids: readonly string[]): Types.ObjectId[] {
  return ids.map(maybeId).filter((id): id is Types.ObjectId => id !== null);
}

/**
 * Counts per thread id with one aggregation ($match + $group with one $sum). `kept` keeps a
 * batch's counts with the thread list pages (the threads' page cache): every vote, reply and
 * moderation of a post bumps the threads' list version, so kept counts are never stale, and a
 * page read again (the home page's most-voted threads, a thread list) does not count again.
 * On the embedded FerretDB a count decodes every vote or reply it counts: thousands for the
 * most-voted threads.
 */
function countLoader(
  count: (ids: Types.ObjectId[]) => Promise<{ _id: Types.ObjectId; n: number }[]>,
  kept: { models: ForumModels; name: string },
): DataLoader<string, number> {
  const owner = pageCacheOf(kept.models.threads);
  return new DataLoader<string, number>(
    async (ids) => {
      const counted = async () =>
        Object.fromEntries(
          (await count(objectIds(ids))).map((r) => [r._id.toHexString(), r.n]),
        ) as Record<string, number>;
      const byId = owner
        ? await cachedListValue(owner, [kept.name, [...ids].sort()], counted)
        : await counted();
      return ids.map((id) => byId[id] ?? 0);
    },
    { maxBatchSize: 500 },
  );
}

/** A "does the viewer have one" loader: one query for N threads, false for anonymous viewers. */
function viewerSetLoader(
  viewer: Viewer,
  fetch: (userId: string, ids: Types.ObjectId[]) => Promise<{ threadId: Types.ObjectId }[]>,
): DataLoader<string, boolean> {
  return new DataLoader<string, boolean>(
    async (ids) => {
      if (!viewer.id) return ids.map(() => false);
      const rows = await fetch(viewer.id, objectIds(ids));
      const found = new Set(rows.map((r) => r.threadId.toHexString()));
      return ids.map((id) => found.has(id));
    },
    { maxBatchSize: 500 },
  );
}

/**
 * Per-request loaders: every "by id" and every per-thread count or viewer fact is one
 * query for N threads, never N queries. They return raw documents; callers apply the
 * visibility rules.
 */
export function createLoaders(models: ForumModels, viewer: Viewer, publicIds: PublicIds) {
  return {
    /** Profiles by their public id (`User.id`); see `profilesByPublicId`. */
    profileByPublicId: createByIdLoader(
      (ids) => profilesByPublicId(models, publicIds, ids),
      (p) => p.publicId!,
    ),
    thread: createDocumentLoader(models.threads),
    post: createDocumentLoader(models.posts),
    profile: createByIdLoader(
      (ids) => models.profiles.find({ _id: { $in: [...ids] } }).lean(),
      (p) => p._id,
    ),
    voteCount: countLoader(
      (ids) =>
        models.votes.aggregate([
          { $match: { threadId: { $in: ids } } },
          { $group: { _id: '$threadId', n: { $sum: 1 } } },
        ]),
      { models, name: 'vote-counts' },
    ),
    replyCount: countLoader(
      (ids) =>
        models.posts.aggregate([
          { $match: { threadId: { $in: ids }, isOfficialAnswer: false, visibility: 'VISIBLE' } },
          { $group: { _id: '$threadId', n: { $sum: 1 } } },
        ]),
      { models, name: 'reply-counts' },
    ),
    viewerHasVoted: viewerSetLoader(viewer, (userId, ids) =>
      models.votes.find({ userId, threadId: { $in: ids } }, { threadId: 1 }).lean(),
    ),
    viewerIsFollowing: viewerSetLoader(viewer, (userId, ids) =>
      models.followers
        .find({ userId, threadId: { $in: ids }, following: true }, { threadId: 1 })
        .lean(),
    ),
    /** Visible official answers per thread, newest first. */
    officialAnswers: createGroupLoader(
      (ids) =>
        models.posts
          .find({
            threadId: { $in: objectIds(ids) },
            isOfficialAnswer: true,
            visibility: 'VISIBLE',
          })
          .sort({ createdAt: -1, _id: -1 })
          .lean(),
      (p) => p.threadId.toHexString(),
    ),
    /** Unreviewed flags per target, for the moderation queue. */
    openFlags: createGroupLoader(
      (ids) =>
        models.flags
          .find({ targetId: { $in: [...ids] }, reviewed: false })
          .sort({ createdAt: -1 })
          .lean(),
      (f) => f.targetId,
    ),
  };
}

export type ForumLoaders = ReturnType<typeof createLoaders>;
