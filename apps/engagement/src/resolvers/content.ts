import type { ArticleResolvers, ThreadResolvers } from '../__generated__/resolvers-types';

// Content owns articles and the forum owns threads; this subgraph adds their poll.
export const Article: ArticleResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  poll: (a, _args, ctx) => ctx.loaders.pollByContent.load(`ARTICLE:${a.id}`),
};

export const Thread: ThreadResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  poll: (t, _args, ctx) => ctx.loaders.pollByContent.load(`THREAD:${t.id}`),
};
