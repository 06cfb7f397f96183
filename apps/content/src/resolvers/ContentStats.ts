import { parseInput } from '@portal/graphql-kit';
import { z } from 'zod';
import type {
  ArticleViewsResolvers,
  ContentStatsResolvers,
} from '../__generated__/resolvers-types';
import { MAX_TOP_ARTICLES } from '../services/content-stats.service';

export const ContentStats: ContentStatsResolvers = {
  topArticles: (stats, args) =>
    stats.top.slice(
      0,
      parseInput(
        z.number().int().min(0).max(MAX_TOP_ARTICLES, `must be at most ${MAX_TOP_ARTICLES}`),
        args.first ?? 10,
        'first',
      ),
    ),
};

export const ArticleViews: ArticleViewsResolvers = {
  // Editors asked, so any status is shown; a deleted article is null.
  article: (row, _, ctx) => ctx.loaders.articles.load(row.articleId),
};
