import type { ArticleRevisionResolvers } from '../__generated__/resolvers-types';

export const ArticleRevision: ArticleRevisionResolvers = {
  by: (revision) => revision.by ?? null,
};
