import { emptyPage } from '@portal/db';
import { parseInput } from '@portal/graphql-kit';
import { UNITS } from '@portal/reference-data';
import { z } from 'zod';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { FORUM_CATEGORIES } from '../domain/forum-categories';
import { canSeeContent, canSeePost } from '../domain/visibility';
import { subjectOf } from '../use-cases/public-ids';
import { listThreads, moderationLog, moderationQueue } from '../use-cases/read-forum';

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
  threads: async (_, { first, after, filter }, ctx) => {
    parseInput(filterInput, filter ?? {}, 'filter');
    // `authorId` is a public user id (User.id); threads are stored by the subject behind it.
    if (filter?.authorId) {
      const subject = await subjectOf(ctx.deps.models, ctx.deps.publicIds, filter.authorId);
      if (!subject) return emptyPage();
      return listThreads(
        ctx.deps.models,
        ctx.viewer,
        { ...filter, authorId: subject },
        first,
        after,
      );
    }
    return listThreads(ctx.deps.models, ctx.viewer, filter ?? {}, first, after);
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
    moderationQueue(ctx.deps.models, ctx.viewer, first, after),
  moderationLog: (_, { targetId, first, after }, ctx) =>
    moderationLog(ctx.deps.models, ctx.viewer, targetId, first, after),
};
