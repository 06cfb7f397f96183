import { hasRole, requireRole } from '@portal/auth';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import { listingAgency, requireManageReferral } from '../domain/referral-access';
import { referralFilterInput, referralIdArgs, trackingCodeArgs } from '../domain/referral-input';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { consumeLimit } from './rate-limit';

export const Query: QueryResolvers = {
  async referralByTrackingCode(_parent, args, ctx) {
    const { code } = parseArgs(trackingCodeArgs, args);
    await consumeLimit(ctx, ctx.limits.tracking);
    return ctx.repo.findByTrackingCode(code);
  },

  async referral(_parent, args, ctx) {
    requireRole(ctx.viewer, 'moderator', 'officer');
    const { id } = parseArgs(referralIdArgs, args);
    const referral = await ctx.loaders.referralById.load(id);
    if (referral) requireManageReferral(ctx.viewer, referral);
    return referral;
  },

  async referrals(_parent, args, ctx) {
    const filter = parseInput(referralFilterInput, args.filter, 'filter');
    const agency = listingAgency(ctx.viewer, filter.agency);
    return ctx.repo.list({
      ...filter,
      agency,
      first: args.first,
      after: args.after,
      now: ctx.now(),
    });
  },

  async hotlineCategories(_parent, args, ctx) {
    if (args.includeInactive) requireRole(ctx.viewer, 'moderator');
    return ctx.categories.list(args.includeInactive === true && hasRole(ctx.viewer, 'moderator'));
  },

  async agencyContacts(_parent, _args, ctx) {
    requireRole(ctx.viewer, 'moderator');
    return ctx.contacts.list();
  },
};
