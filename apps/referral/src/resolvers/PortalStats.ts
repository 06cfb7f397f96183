import { requireRole } from '@portal/auth';
import type { PortalStatsResolvers } from '../__generated__/resolvers-types';

// Every field checks the viewer (before the key is read): `_entities` reaches here without
// the query field, whose subgraph (content) checked it.
export const PortalStats: PortalStatsResolvers = {
  __resolveReference: (ref, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.stats.fromKey(ref.id);
  },
  referrals: (stats, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.stats.referrals(stats);
  },
};
