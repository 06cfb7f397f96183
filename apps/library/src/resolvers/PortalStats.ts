import { clientKeyOf, requireServiceOrRole } from '@portal/auth';
import { AUDIENCE_DEVICES, AUDIENCE_REGIONS } from '@portal/db';
import { parseArgs } from '@portal/graphql-kit';
import { z } from 'zod';
import { recordLibraryItemView } from '../services/library-items.service';
import { libraryStatsRef } from '../stats/library-stats';
import type { MutationResolvers, PortalStatsResolvers } from '../__generated__/resolvers-types';
import type { LibraryContext } from '../context';

// Every field checks the viewer (editors and admins, or another portal service: the
// content worker's monthly report): `_entities` reaches here without the query field.
export const PortalStats: PortalStatsResolvers<LibraryContext> = {
  __resolveReference: (ref, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return libraryStatsRef(ref.id);
  },
  libraryItems: (s, _a, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return ctx.audience.stats(s.from, s.to, s.granularity);
  },
};

const pageView = z
  .object({
    device: z.enum(AUDIENCE_DEVICES),
    region: z.enum(AUDIENCE_REGIONS).nullish(),
    referrer: z.string().max(2048).nullish(),
    campaign: z.string().max(100).nullish(),
  })
  .nullish();

export const statsMutations: Pick<MutationResolvers<LibraryContext>, 'recordLibraryItemView'> = {
  // The item's own count (once per client per day), then, when the page says how it was
  // reached, the audience counter of the portal statistics.
  recordLibraryItemView: async (_root, args, ctx) => {
    const { view } = parseArgs(z.object({ view: pageView }), { view: args.view });
    const counted = await recordLibraryItemView(ctx, args.id, ctx.client);
    if (view)
      await ctx.audience.record({
        subjectId: args.id,
        ...view,
        viewerId: ctx.viewer.id,
        clientKey: clientKeyOf(ctx),
      });
    return counted;
  },
};
