import type { MutationResolvers } from '../__generated__/resolvers-types';

// Each service method decides who may call it before it reads the arguments.
export const Mutation: MutationResolvers = {
  createThread: (_, { input }, ctx) => ctx.services.threads.create(ctx.viewer, input),
  replyToThread: (_, args, ctx) => ctx.services.posts.reply(ctx.viewer, args.threadId, args),
  voteThread: (_, { id }, ctx) => ctx.services.votes.vote(ctx.viewer, id),
  unvoteThread: (_, { id }, ctx) => ctx.services.votes.unvote(ctx.viewer, id),
  flagContent: async (_, args, ctx) => {
    await ctx.services.moderation.flag(ctx.viewer, args.targetId, args);
    return true;
  },
  editThread: (_, { id, input }, ctx) => ctx.services.threads.edit(ctx.viewer, id, input),
  editPost: (_, args, ctx) => ctx.services.posts.edit(ctx.viewer, args.id, args),
  followThread: (_, { id }, ctx) => ctx.services.follows.follow(ctx.viewer, id, true),
  unfollowThread: (_, { id }, ctx) => ctx.services.follows.follow(ctx.viewer, id, false),
  moderateContent: async (_, args, ctx) => {
    await ctx.services.moderation.moderate(ctx.viewer, args.targetId, args.action, args.note);
    return true;
  },
  assignThread: (_, { id, department }, ctx) =>
    ctx.services.threads.assign(ctx.viewer, id, department),
  closeThread: (_, args, ctx) => ctx.services.threads.close(ctx.viewer, args.id, args.note),
  reopenThread: (_, args, ctx) => ctx.services.threads.reopen(ctx.viewer, args.id, args.note),
  postOfficialAnswer: async (_, args, ctx) => {
    const { thread } = await ctx.services.answers.post(ctx.viewer, args.threadId, args);
    return thread;
  },
};
