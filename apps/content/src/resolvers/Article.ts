import type { ArticleResolvers } from '../__generated__/resolvers-types';
import { canSeeAuthor, canSeeRevisions, isVisibleTo } from '../domain/article-visibility';
import { sourceUnitName, summaryOf } from '../domain/article-public';
import { loadEntity } from '@portal/graphql-kit';

export const Article: ArticleResolvers = {
  // Batched: N references in one _entities call cost one query; invisible ones are null.
  __resolveReference: (ref, ctx) =>
    loadEntity(ref, ctx.loaders.articles, (article) => isVisibleTo(ctx.viewer, article)),
  id: (article) => String(article._id),
  summary: (article) => summaryOf(article),
  author: (article, _, ctx) => (canSeeAuthor(ctx.viewer) ? article.author : null),
  category: (article, _, ctx) =>
    article.categoryId ? ctx.loaders.categories.load(String(article.categoryId)) : null,
  sourceUnitName: (article) => sourceUnitName(article.sourceUnit),
  viewCount: (article, _, ctx) => ctx.loaders.viewCounts.load(String(article._id)),
  revisions: (article, _, ctx) =>
    canSeeRevisions(ctx.viewer) ? ctx.loaders.revisions.load(String(article._id)) : null,
};
