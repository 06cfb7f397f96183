import type { ArticleAuthorResolvers } from '../__generated__/resolvers-types';

export const ArticleAuthor: ArticleAuthorResolvers = {
  // The identity provider's subject (possibly a citizen number or an e-mail) never leaves.
  id: (author, _, ctx) => ctx.publicUserId(author.id),
};
