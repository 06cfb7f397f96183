import { requireServiceOrRole } from '@portal/auth';
import type { PortalStatsResolvers } from '../__generated__/resolvers-types';

// Every field checks the viewer (editors and admins, or another portal service: the
// content worker's monthly report) (before the key is read): `_entities` reaches here without
// the query field, whose subgraph (content) checked it.
export const PortalStats: PortalStatsResolvers = {
  __resolveReference: (ref, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return ctx.stats.fromKey(ref.id);
  },
  referrals: (stats, _args, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return ctx.stats.referrals(stats);
  },
};
