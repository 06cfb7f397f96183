import type { ThreadResolvers } from '../__generated__/resolvers-types';

export const Thread: ThreadResolvers = {
  // The forum owns threads; this subgraph only knows their ids.
  __resolveReference: (ref) => ({ id: ref.id }),
  referral: (thread, _args, ctx) => ctx.loaders.referralByThreadId.load(thread.id),
};
