import { unitByCode } from '@portal/reference-data';
import type { PostResolvers } from '../__generated__/resolvers-types';
import { canSeePost } from '../domain/visibility';
import { entityKey } from '@portal/graphql-kit';

export const Post: PostResolvers = {
  __resolveReference: async (ref, ctx) => {
    const id = entityKey(ref);
    const post = id ? await ctx.loaders.post.load(id) : null;
    if (!post) return null;
    const thread = await ctx.loaders.thread.load(post.threadId.toHexString());
    return canSeePost(ctx.viewer, post, thread) ? post : null;
  },
  id: (p) => p._id.toHexString(),
  thread: async (p, _, ctx) => {
    const thread = await ctx.loaders.thread.load(p.threadId.toHexString());
    return thread && canSeePost(ctx.viewer, p, thread) ? thread : null;
  },
  author: (p, _, ctx) => ctx.loaders.profile.load(p.authorId),
  status: (p) => p.visibility,
  department: (p) => (p.department ? (unitByCode(p.department) ?? null) : null),
};
