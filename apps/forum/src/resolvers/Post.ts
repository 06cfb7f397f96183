import { unitByCode } from '@portal/reference-data';
import type { PostResolvers } from '../__generated__/resolvers-types';
import { canSeePost } from '../domain/visibility';
import { loadEntity } from '@portal/graphql-kit';

export const Post: PostResolvers = {
  __resolveReference: (ref, ctx) =>
    loadEntity(ref, ctx.loaders.post, async (post) =>
      canSeePost(ctx.viewer, post, await ctx.loaders.thread.load(post.threadId.toHexString())),
    ),
  id: (p) => p._id.toHexString(),
  thread: async (p, _, ctx) => {
    const thread = await ctx.loaders.thread.load(p.threadId.toHexString());
    return thread && canSeePost(ctx.viewer, p, thread) ? thread : null;
  },
  author: (p, _, ctx) => ctx.loaders.profile.load(p.authorId),
  status: (p) => p.visibility,
  department: (p) => (p.department ? (unitByCode(p.department) ?? null) : null),
};
