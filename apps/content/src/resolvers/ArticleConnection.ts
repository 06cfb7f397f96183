import type { ArticleConnectionResolvers } from '../__generated__/resolvers-types';

export const ArticleConnection: ArticleConnectionResolvers = {
  // Counted only when asked for.
  totalCount: (connection) => connection.totalCount(),
};
