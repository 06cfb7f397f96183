import { parseInput } from '@portal/graphql-kit';
import { submitFeedbackInput } from '../domain/referral-input';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { consumeLimit } from './rate-limit';

// Thin: each use case checks the viewer's role first, then reads its arguments, in the service.
export const Mutation: MutationResolvers = {
  // Open to anyone (no role to check): the input is read, then counted against the limit.
  async submitFeedback(_parent, args, ctx) {
    const input = parseInput(submitFeedbackInput, args.input);
    await consumeLimit(ctx, ctx.limits.feedback);
    return ctx.intake.submitFeedback(ctx.viewer, input);
  },

  referThreadToHotline: (_parent, args, ctx) => ctx.intake.referThread(ctx.viewer, args),
  referPostToHotline: (_parent, args, ctx) => ctx.intake.referPost(ctx.viewer, args),
  updateReferralStatus: (_parent, args, ctx) => ctx.referrals.updateStatus(ctx.viewer, args),
  retryReferralDispatch: (_parent, args, ctx) => ctx.referrals.retryDispatch(ctx.viewer, args.id),
  createHotlineCategory: (_parent, args, ctx) => ctx.categories.create(ctx.viewer, args.input),
  updateHotlineCategory: (_parent, args, ctx) => ctx.categories.update(ctx.viewer, args),
  setAgencyContact: (_parent, args, ctx) => ctx.contacts.set(ctx.viewer, args),
};
