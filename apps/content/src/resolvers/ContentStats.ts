import { parseInput } from '@portal/graphql-kit';
import { z } from 'zod';
import type {
  ArticleViewsResolvers,
  ContentStatsResolvers,
} from '../__generated__/resolvers-types';
import { topArticleViews } from '../services/content-stats.service';

export const ContentStats: ContentStatsResolvers = {
  topArticles: (stats, args) =>
    topArticleViews(
      stats,
      parseInput(
        z.number().int().min(0).max(100, 'must be at most 100'),
        args.first ?? 10,
        'first',
      ),
    ),
};

export const ArticleViews: ArticleViewsResolvers = {
  // Editors asked, so any status is shown; a deleted article is null.
  article: (row, _, ctx) => ctx.loaders.articles.load(row.articleId),
};
