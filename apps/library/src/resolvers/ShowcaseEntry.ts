import { loadEntity } from '@portal/graphql-kit';
import type { ShowcaseEntryResolvers } from '../__generated__/resolvers-types';
import { canSeeItem } from '../domain/library-access';
import { canSeeShowcaseEntry } from '../services/showcase.service';

export const ShowcaseEntry: ShowcaseEntryResolvers = {
  // Engagement's promoted contest entries reference it; archived ones are null to the public.
  __resolveReference: (ref, ctx) =>
    loadEntity(ref, ctx.loaders.showcase, (entry) => canSeeShowcaseEntry(ctx, entry)),
  id: (entry) => entry._id.toHexString(),
  demoVideo: async (entry, _args, ctx) => {
    if (!entry.demoVideoItemId) return null;
    const item = await ctx.loaders.items.load(entry.demoVideoItemId);
    return item && canSeeItem(ctx.viewer, item) ? item : null;
  },
  tryItCount: async (entry, _args, ctx) =>
    (await ctx.loaders.showcaseStats.load(entry._id.toHexString()))?.tryItCount ?? 0,
  promotedFromContest: (entry) => entry.sourceEntryId !== null,
};
