import type { LibraryItemResolvers } from '../__generated__/resolvers-types';
import { canSeeItem } from '../domain/library-access';
import type { MediaFileDoc } from '../models';
import { loadEntity } from '@portal/graphql-kit';

export const LibraryItem: LibraryItemResolvers = {
  // Same visibility as the root fields: a draft referenced from elsewhere is null to the public.
  __resolveReference: (ref, ctx) =>
    loadEntity(ref, ctx.loaders.items, (item) => canSeeItem(ctx.viewer, item)),
  id: (item) => item._id.toHexString(),
  files: async (item, _args, ctx) => {
    const files = await Promise.all(
      item.fileIds.map((id) => ctx.loaders.files.load(id.toHexString())),
    );
    return files.filter((f): f is MediaFileDoc => f !== null);
  },
  collection: (item, _args, ctx) =>
    item.collectionId ? ctx.loaders.collections.load(item.collectionId.toHexString()) : null,
  viewCount: async (item, _args, ctx) =>
    (await ctx.loaders.stats.load(item._id.toHexString()))?.viewCount ?? 0,
  downloadCount: async (item, _args, ctx) =>
    (await ctx.loaders.stats.load(item._id.toHexString()))?.downloadCount ?? 0,
};
