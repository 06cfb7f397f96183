import DataLoader from 'dataloader';
import type { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { createByIdLoader, createDocumentLoader, createGroupLoader } from '@portal/graphql-kit';
import { maybeId } from './domain/ids';
import type { ForumModels } from './models';
import { profilesByPublicId, type PublicIds } from './use-cases/public-ids';

function objectIds(ids: readonly string[]): Types.ObjectId[] {
  return ids.map(maybeId).filter((id): id is Types.ObjectId => id !== null);
}

/** Counts per thread id with one aggregation ($match + $group with one $sum). */
function countLoader(
  count: (ids: Types.ObjectId[]) => Promise<{ _id: Types.ObjectId; n: number }[]>,
): DataLoader<string, number> {
  return new DataLoader<string, number>(
    async (ids) => {
      const rows = await count(objectIds(ids));
      const byId = new Map(rows.map((r) => [r._id.toHexString(), r.n]));
      return ids.map((id) => byId.get(id) ?? 0);
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
    voteCount: countLoader((ids) =>
      models.votes.aggregate([
        { $match: { threadId: { $in: ids } } },
        { $group: { _id: '$threadId', n: { $sum: 1 } } },
      ]),
    ),
    replyCount: countLoader((ids) =>
      models.posts.aggregate([
        { $match: { threadId: { $in: ids }, isOfficialAnswer: false, visibility: 'VISIBLE' } },
        { $group: { _id: '$threadId', n: { $sum: 1 } } },
      ]),
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
