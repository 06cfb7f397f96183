import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  datasets: (_p, args, ctx) => ctx.catalog.list(ctx.viewer, args),
  dataset: (_p, args, ctx) => ctx.catalog.get(ctx.viewer, args),
  catalogSyncStatus: (_p, _args, ctx) => ctx.catalog.syncStatus(ctx.viewer),
};
