import type { GraphQLResolveInfo } from 'graphql';
import type { Viewer } from '@portal/auth';
import { unitByCode } from '@portal/reference-data';
import type { ThreadResolvers } from '../__generated__/resolvers-types';
import { categoryById } from '../domain/forum-categories';
import { canSeeContent, threadStatusOf } from '../domain/visibility';
import { loadEntity } from '@portal/graphql-kit';

/**
 * What a signed-in person did (voted, followed) is theirs: never in a shared cache. For
 * anonymous viewers it is false for everyone, so their answers stay public.
 */
function privateForPeople(viewer: Viewer, info: GraphQLResolveInfo): void {
  if (viewer.id)
    (info as { cacheControl?: { setCacheHint(hint: object): void } }).cacheControl?.setCacheHint({
      scope: 'PRIVATE',
    });
}

export const Thread: ThreadResolvers = {
  __resolveReference: (ref, ctx) =>
    loadEntity(ref, ctx.loaders.thread, (thread) => canSeeContent(ctx.viewer, thread)),
  id: (t) => t._id.toHexString(),
  category: (t) => (t.categoryId ? (categoryById(t.categoryId) ?? null) : null),
  author: (t, _, ctx) => (t.authorId ? ctx.loaders.profile.load(t.authorId) : null),
  status: (t) => threadStatusOf(t),
  moderationStatus: (t) => t.visibility,
  voteCount: (t, _, ctx) => ctx.loaders.voteCount.load(t._id.toHexString()),
  viewerHasVoted: (t, _, ctx, info) => {
    privateForPeople(ctx.viewer, info);
    return ctx.loaders.viewerHasVoted.load(t._id.toHexString());
  },
  viewerIsFollowing: (t, _, ctx, info) => {
    privateForPeople(ctx.viewer, info);
    return ctx.loaders.viewerIsFollowing.load(t._id.toHexString());
  },
  replyCount: (t, _, ctx) => ctx.loaders.replyCount.load(t._id.toHexString()),
  replies: (t, { first, after }, ctx) => ctx.services.queries.replies(ctx.viewer, t, first, after),
  officialAnswer: async (t, _, ctx) => {
    if (!canSeeContent(ctx.viewer, t)) return null;
    const answers = await ctx.loaders.officialAnswers.load(t._id.toHexString());
    return answers[0] ?? null;
  },
  department: (t) => (t.assignedDepartment ? (unitByCode(t.assignedDepartment) ?? null) : null),
};
