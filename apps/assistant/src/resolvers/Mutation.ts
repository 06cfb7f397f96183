import type { MutationResolvers } from '../__generated__/resolvers-types';

// Thin: each use case checks access first, then validates its input, in the service.
export const Mutation: MutationResolvers = {
  ask: (_p, args, ctx) => ctx.ask.ask(ctx.viewer, ctx.clientKey, args),
  syncOpenDataCatalog: (_p, _args, ctx) => ctx.catalog.syncNow(ctx.viewer),
  rebuildAssistantIndex: (_p, _args, ctx) => ctx.catalog.rebuildIndex(ctx.viewer),
};
