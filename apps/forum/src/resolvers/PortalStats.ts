import { clientKeyOf } from '@portal/auth';
import { AUDIENCE_REGIONS, AUDIENCE_DEVICES } from '@portal/db';
import { notFound } from '@portal/errors';
import { parseArgs } from '@portal/graphql-kit';
import { z } from 'zod';
import type { MutationResolvers, PortalStatsResolvers } from '../__generated__/resolvers-types';
import { parseId } from '../domain/ids';
import { canSeeContent } from '../domain/visibility';

const pageView = z.object({
  device: z.enum(AUDIENCE_DEVICES),
  region: z.enum(AUDIENCE_REGIONS).nullish(),
  referrer: z.string().max(2048).nullish(),
  campaign: z.string().max(100).nullish(),
});

export const statsMutations: Pick<MutationResolvers, 'recordThreadView'> = {
  recordThreadView: async (_, args, ctx) => {
    parseId(args.id, 'id');
    const { view } = parseArgs(z.object({ view: pageView }), { view: args.view });
    const thread = await ctx.loaders.thread.load(args.id);
    if (!thread || !canSeeContent(ctx.viewer, thread)) throw notFound('Thread');
    return ctx.services.stats.views.record({
      subjectId: args.id,
      ...view,
      viewerId: ctx.viewer.id,
      clientKey: clientKeyOf(ctx),
    });
  },
};

export const PortalStats: PortalStatsResolvers = {
  __resolveReference: (ref, ctx) => ctx.services.stats.fromKey(ctx.viewer, ref.id),
  forumThreads: (stats, _args, ctx) => ctx.services.stats.threadViews(ctx.viewer, stats),
  forumParticipation: (stats, _args, ctx) => ctx.services.stats.participation(ctx.viewer, stats),
};
