import type { ShowcaseEntryResolvers } from '../__generated__/resolvers-types';
import { canSeeItem } from '../domain/library-access';
import { canSeeShowcaseEntry } from '../services/showcase.service';
import { entityKey } from '@portal/graphql-kit';

export const ShowcaseEntry: ShowcaseEntryResolvers = {
  // Engagement's promoted contest entries reference it; archived ones are null to the public.
  __resolveReference: async (ref, ctx) => {
    const id = entityKey(ref);
    const entry = id ? await ctx.loaders.showcase.load(id) : null;
    return entry && canSeeShowcaseEntry(ctx, entry) ? entry : null;
  },
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
