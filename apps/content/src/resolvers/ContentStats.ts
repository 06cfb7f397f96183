import { parseInput } from '@portal/graphql-kit';
import { z } from 'zod';
import type {
  ArticleViewsResolvers,
  ContentStatsResolvers,
} from '../__generated__/resolvers-types';
import { topArticleViews } from '../services/content-stats.service';

export const ContentStats: ContentStatsResolvers = {
  topArticles: async (stats, args, ctx) => {
    const first = parseInput(
      z.number().int().min(0).max(100, 'must be at most 100'),
      args.first ?? 10,
      'first',
    );
    const rows = topArticleViews(stats, first);
    // Prime the request's loader so each row's article is already there.
    const articles = await ctx.services.queries.fewByIds(rows.map((r) => r.articleId));
    for (const a of articles) ctx.loaders.articles.prime(String(a._id), a);
    return rows;
  },
};

export const ArticleViews: ArticleViewsResolvers = {
  // Editors asked, so any status is shown; a deleted article is null.
  article: (row, _, ctx) => ctx.loaders.articles.load(row.articleId),
};
