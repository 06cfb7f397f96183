import type {
  PortalStatsResolvers,
  UnitContributionsResolvers,
} from '../__generated__/resolvers-types';
import { sourceUnitName } from '../domain/article-public';

// Thin: every service method checks the viewer (an `_entities` call reaches here without the
// query field).
export const PortalStats: PortalStatsResolvers = {
  __resolveReference: (ref, ctx) => ctx.services.portalStats.fromKey(ctx.viewer, ref.id),
  articles: (stats, _args, ctx) => ctx.services.portalStats.articles(ctx.viewer, stats),
  articlesByKind: (stats, _args, ctx) => ctx.services.portalStats.articlesByKind(ctx.viewer, stats),
  contributions: (stats, _args, ctx) => ctx.services.contributions.contributions(ctx.viewer, stats),
};

export const UnitContributions: UnitContributionsResolvers = {
  unitName: (u) => sourceUnitName(u.unit ?? null),
};
