import { requireRole } from '@portal/auth';
import type {
  PortalStatsResolvers,
  UnitContributionsResolvers,
} from '../__generated__/resolvers-types';
import { sourceUnitName } from '../domain/article-public';

// Every field checks the viewer: an `_entities` call reaches here without the query field.
export const PortalStats: PortalStatsResolvers = {
  __resolveReference: (ref, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.portalStats.fromKey(ref.id);
  },
  articles: (stats, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.portalStats.articles(stats);
  },
  articlesByKind: (stats, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.portalStats.articlesByKind(stats);
  },
  contributions: (stats, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.contributions.contributions(stats);
  },
};

export const UnitContributions: UnitContributionsResolvers = {
  unitName: (u) => sourceUnitName(u.unit ?? null),
};
