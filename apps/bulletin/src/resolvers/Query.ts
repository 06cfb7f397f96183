import type { GraphQLResolveInfo } from 'graphql';
import { parseArgs } from '@portal/graphql-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { BulletinContext } from '../context';
import { issueListArgs, issueLookupArgs } from '../domain/issue-input';
import { canSeeUnpublished, listingStatus } from '../domain/issue-rules';

/** Editors may see drafts: their answers must never land in a shared cache. */
export function privateForEditors(ctx: BulletinContext, info: GraphQLResolveInfo): void {
  if (canSeeUnpublished(ctx.viewer))
    (info as { cacheControl?: { setCacheHint(hint: object): void } }).cacheControl?.setCacheHint({
      scope: 'PRIVATE',
    });
}

export const Query: QueryResolvers<BulletinContext> = {
  latestBulletinIssue: (_parent, _args, ctx) => ctx.issues.latestPublished(),

  bulletinIssue: (_parent, args, ctx, info) => {
    const { id, year, month } = parseArgs(issueLookupArgs, args);
    privateForEditors(ctx, info);
    return ctx.issues.findVisible(id ? { id } : { year: year!, month: month! }, ctx.viewer);
  },

  bulletinIssues: (_parent, args, ctx, info) => {
    const { first, after, filter } = parseArgs(issueListArgs, args);
    const status = listingStatus(filter?.status, ctx.viewer);
    if (status !== 'PUBLISHED') privateForEditors(ctx, info);
    return ctx.issues.list({ status, year: filter?.year, first, after });
  },

  bulletinSubscriptionStats: (_parent, _args, ctx) => ctx.subscriptions.stats(ctx.viewer),
};
