import type { PortalStatsResolvers } from '../__generated__/resolvers-types';

export const PortalStats: PortalStatsResolvers = {
  __resolveReference: (ref, ctx) => ctx.stats.fromKey(ctx.viewer, ref.id),
  referrals: (stats, _args, ctx) => ctx.stats.referrals(ctx.viewer, stats),
};
