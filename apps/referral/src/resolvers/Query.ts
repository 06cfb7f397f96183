import { parseArgs } from '@portal/graphql-kit';
import { trackingCodeArgs } from '../domain/referral-input';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { consumeLimit } from './rate-limit';

// Thin: the services check the viewer's role before they read the arguments.
export const Query: QueryResolvers = {
  // Open to anyone with the code (no role to check); lookups are limited per client.
  async referralByTrackingCode(_parent, args, ctx) {
    const { code } = parseArgs(trackingCodeArgs, args);
    await consumeLimit(ctx, ctx.limits.tracking);
    return ctx.repo.findByTrackingCode(code);
  },

  referral: (_parent, args, ctx) => ctx.referrals.get(ctx.viewer, args.id),
  referrals: (_parent, args, ctx) =>
    ctx.referrals.list(ctx.viewer, { filter: args.filter, first: args.first, after: args.after }),
  hotlineCategories: (_parent, args, ctx) => ctx.categories.list(ctx.viewer, args.includeInactive),
  agencyContacts: (_parent, _args, ctx) => ctx.contacts.list(ctx.viewer),
};
