import type { MutationResolvers } from '../__generated__/resolvers-types';
import { createThread } from '../use-cases/create-thread';
import { editPost, editThread } from '../use-cases/edit-content';
import { flagContent } from '../use-cases/flag-content';
import { followThread } from '../use-cases/follow';
import { assignThread, closeThread, reopenThread } from '../use-cases/manage-thread';
import { moderateContent } from '../use-cases/moderate-content';
import { postOfficialAnswer } from '../use-cases/post-official-answer';
import { replyToThread } from '../use-cases/reply-to-thread';
import { unvoteThread, voteThread } from '../use-cases/votes';

// Each use-case decides who may call it before it reads the arguments.
export const Mutation: MutationResolvers = {
  createThread: (_, { input }, ctx) => createThread(ctx.deps, ctx.viewer, input, ctx.now),
  replyToThread: (_, args, ctx) =>
    replyToThread(ctx.deps, ctx.viewer, args.threadId, args, ctx.now),
  voteThread: (_, { id }, ctx) => voteThread(ctx.deps, ctx.viewer, id, ctx.now),
  unvoteThread: (_, { id }, ctx) => unvoteThread(ctx.deps, ctx.viewer, id, ctx.now),
  flagContent: async (_, args, ctx) => {
    await flagContent(ctx.deps, ctx.viewer, args.targetId, args, ctx.now);
    return true;
  },
  editThread: (_, { id, input }, ctx) => editThread(ctx.deps, ctx.viewer, id, input, ctx.now),
  editPost: (_, args, ctx) => editPost(ctx.deps, ctx.viewer, args.id, args, ctx.now),
  followThread: (_, { id }, ctx) => followThread(ctx.deps, ctx.viewer, id, true, ctx.now),
  unfollowThread: (_, { id }, ctx) => followThread(ctx.deps, ctx.viewer, id, false, ctx.now),
  moderateContent: async (_, args, ctx) => {
    await moderateContent(ctx.deps, ctx.viewer, args.targetId, args.action, args.note, ctx.now);
    return true;
  },
  assignThread: (_, { id, department }, ctx) =>
    assignThread(ctx.deps, ctx.viewer, id, department, ctx.now),
  closeThread: (_, args, ctx) => closeThread(ctx.deps, ctx.viewer, args.id, args.note, ctx.now),
  reopenThread: (_, args, ctx) => reopenThread(ctx.deps, ctx.viewer, args.id, args.note, ctx.now),
  postOfficialAnswer: async (_, args, ctx) => {
    const { thread } = await postOfficialAnswer(ctx.deps, ctx.viewer, args.threadId, args, ctx.now);
    return thread;
  },
};
