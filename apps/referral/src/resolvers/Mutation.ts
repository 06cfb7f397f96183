import { requireRole } from '@portal/auth';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import {
  agencyContactArgs,
  createCategoryInput,
  referPostArgs,
  referralIdArgs,
  referThreadArgs,
  submitFeedbackInput,
  updateCategoryArgs,
  updateStatusArgs,
} from '../domain/referral-input';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { consumeLimit } from './rate-limit';

export const Mutation: MutationResolvers = {
  async submitFeedback(_parent, args, ctx) {
    const input = parseInput(submitFeedbackInput, args.input);
    await consumeLimit(ctx, ctx.limits.feedback);
    return ctx.intake.submitFeedback(ctx.viewer, input);
  },

  async referThreadToHotline(_parent, args, ctx) {
    requireRole(ctx.viewer, 'moderator');
    const input = parseArgs(referThreadArgs, args);
    return ctx.intake.referFromForum(ctx.viewer, { ...input, postId: null });
  },

  async referPostToHotline(_parent, args, ctx) {
    requireRole(ctx.viewer, 'moderator');
    const input = parseArgs(referPostArgs, args);
    return ctx.intake.referFromForum(ctx.viewer, input);
  },

  async updateReferralStatus(_parent, args, ctx) {
    requireRole(ctx.viewer, 'moderator', 'officer');
    const input = parseArgs(updateStatusArgs, args);
    return ctx.referrals.updateStatus(ctx.viewer, input);
  },

  async retryReferralDispatch(_parent, args, ctx) {
    requireRole(ctx.viewer, 'moderator');
    const { id } = parseArgs(referralIdArgs, args);
    return ctx.referrals.retryDispatch(ctx.viewer, id);
  },

  async createHotlineCategory(_parent, args, ctx) {
    requireRole(ctx.viewer, 'admin');
    const input = parseInput(createCategoryInput, args.input);
    return ctx.categories.create(ctx.viewer, input);
  },

  async updateHotlineCategory(_parent, args, ctx) {
    requireRole(ctx.viewer, 'admin');
    const input = parseArgs(updateCategoryArgs, args);
    return ctx.categories.update(ctx.viewer, input);
  },

  async setAgencyContact(_parent, args, ctx) {
    requireRole(ctx.viewer, 'admin');
    const input = parseArgs(agencyContactArgs, args);
    return ctx.contacts.set(ctx.viewer, input);
  },
};
