import { parseInput } from '@portal/graphql-kit';
import { UNITS } from '@portal/reference-data';
import { z } from 'zod';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { FORUM_CATEGORIES } from '../domain/forum-categories';
import { canSeeContent, canSeePost } from '../domain/visibility';

const filterInput = z
  .object({
    search: z.string().max(200, 'must be at most 200 characters').nullish(),
    tag: z.string().max(100, 'must be at most 100 characters').nullish(),
    department: z.string().max(40).nullish(),
    categoryId: z.string().max(80).nullish(),
    authorId: z.string().max(200).nullish(),
  })
  .loose();

export const Query: QueryResolvers = {
  threads: (_, { first, after, filter }, ctx) => {
    parseInput(filterInput, filter ?? {}, 'filter');
    return ctx.services.queries.list(ctx.viewer, filter ?? {}, first, after);
  },
  thread: async (_, { id }, ctx) => {
    const thread = await ctx.loaders.thread.load(id);
    return thread && canSeeContent(ctx.viewer, thread) ? thread : null;
  },
  post: async (_, { id }, ctx) => {
    const post = await ctx.loaders.post.load(id);
    if (!post) return null;
    const thread = await ctx.loaders.thread.load(post.threadId.toHexString());
    return canSeePost(ctx.viewer, post, thread) ? post : null;
  },
  forumCategories: () => [...FORUM_CATEGORIES],
  forumDepartments: () => [...UNITS],
  moderationQueue: (_, { first, after }, ctx) =>
    ctx.services.moderation.queue(ctx.viewer, first, after),
  moderationLog: (_, { targetId, first, after }, ctx) =>
    ctx.services.moderation.log(ctx.viewer, targetId, first, after),
};
