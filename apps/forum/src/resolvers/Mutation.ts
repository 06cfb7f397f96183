import { parseArgs, parseInput } from '@portal/graphql-kit';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { assertModerator, assertOfficer, assertParticipant } from '../domain/permissions';
import {
  createThreadInput,
  editThreadInput,
  flagInput,
  noteInput,
  postBodyInput,
} from '../domain/thread-input';
import { createThread } from '../use-cases/create-thread';
import { editPost, editThread } from '../use-cases/edit-content';
import { flagContent } from '../use-cases/flag-content';
import { followThread } from '../use-cases/follow';
import { assignThread, closeThread, reopenThread } from '../use-cases/manage-thread';
import { moderateContent } from '../use-cases/moderate-content';
import { postOfficialAnswer } from '../use-cases/post-official-answer';
import { replyToThread } from '../use-cases/reply-to-thread';
import { unvoteThread, voteThread } from '../use-cases/votes';

const noteArgs = z.object({ note: noteInput });

export const Mutation: MutationResolvers = {
  createThread: (_, { input }, ctx) => {
    assertParticipant(ctx.viewer);
    return createThread(ctx.deps, ctx.viewer, parseInput(createThreadInput, input), ctx.now);
  },
  replyToThread: (_, args, ctx) => {
    assertParticipant(ctx.viewer);
    const body = parseArgs(postBodyInput, args);
    return replyToThread(ctx.deps, ctx.viewer, args.threadId, body, ctx.now);
  },
  voteThread: (_, { id }, ctx) => {
    assertParticipant(ctx.viewer);
    return voteThread(ctx.deps, ctx.viewer, id, ctx.now);
  },
  unvoteThread: (_, { id }, ctx) => {
    assertParticipant(ctx.viewer);
    return unvoteThread(ctx.deps, ctx.viewer, id, ctx.now);
  },
  flagContent: async (_, args, ctx) => {
    assertParticipant(ctx.viewer);
    const flag = parseArgs(flagInput, { reason: args.reason, note: args.note });
    await flagContent(ctx.deps, ctx.viewer, args.targetId, flag, ctx.now);
    return true;
  },
  editThread: (_, { id, input }, ctx) => {
    assertParticipant(ctx.viewer);
    return editThread(ctx.deps, ctx.viewer, id, parseInput(editThreadInput, input), ctx.now);
  },
  editPost: (_, args, ctx) => {
    assertParticipant(ctx.viewer);
    const body = parseArgs(postBodyInput, args);
    return editPost(ctx.deps, ctx.viewer, args.id, body, ctx.now);
  },
  followThread: (_, { id }, ctx) => {
    assertParticipant(ctx.viewer);
    return followThread(ctx.deps, ctx.viewer, id, true, ctx.now);
  },
  unfollowThread: (_, { id }, ctx) => {
    assertParticipant(ctx.viewer);
    return followThread(ctx.deps, ctx.viewer, id, false, ctx.now);
  },
  moderateContent: async (_, args, ctx) => {
    assertModerator(ctx.viewer);
    const { note } = parseArgs(noteArgs, { note: args.note });
    await moderateContent(ctx.deps, ctx.viewer, args.targetId, args.action, note, ctx.now);
    return true;
  },
  assignThread: (_, { id, department }, ctx) => {
    assertModerator(ctx.viewer);
    return assignThread(ctx.deps, ctx.viewer, id, department, ctx.now);
  },
  closeThread: (_, args, ctx) => {
    assertModerator(ctx.viewer);
    const { note } = parseArgs(noteArgs, { note: args.note });
    return closeThread(ctx.deps, ctx.viewer, args.id, note, ctx.now);
  },
  reopenThread: (_, args, ctx) => {
    assertModerator(ctx.viewer);
    const { note } = parseArgs(noteArgs, { note: args.note });
    return reopenThread(ctx.deps, ctx.viewer, args.id, note, ctx.now);
  },
  postOfficialAnswer: async (_, args, ctx) => {
    assertOfficer(ctx.viewer);
    const body = parseArgs(postBodyInput, args);
    const { thread } = await postOfficialAnswer(ctx.deps, ctx.viewer, args.threadId, body, ctx.now);
    return thread;
  },
};
