import { z } from 'zod';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireContributor, requireEditor } from '../domain/library-access';
import {
  collectionItemsInput,
  createCollectionInput,
  updateCollectionInput,
} from '../domain/collection-input';
import { createItemInput, updateItemInput } from '../domain/library-item-input';
import { createPlatformAppInput, updatePlatformAppInput } from '../domain/platform-app-input';
import {
  createCollection,
  deleteCollection,
  setCollectionItems,
  updateCollection,
} from '../services/collections.service';
import {
  archiveLibraryItem,
  createLibraryItem,
  publishLibraryItem,
  recordLibraryItemView,
  updateLibraryItem,
} from '../services/library-items.service';
import { createShowcaseInput, updateShowcaseInput } from '../domain/showcase-input';
import {
  archiveShowcaseEntry,
  createShowcaseEntry,
  recordShowcaseTryIt,
  updateShowcaseEntry,
} from '../services/showcase.service';
import {
  createPlatformApp,
  deletePlatformApp,
  updatePlatformApp,
} from '../services/platform-apps.service';

const expectedVersion = z.object({
  expectedVersion: z.number().int().min(1, 'must be a version the server gave you'),
});

export const Mutation: MutationResolvers = {
  // Authorization before validation: the coarse role check comes first, so a caller without
  // the role learns nothing about the input rules; the services check the finer rules.
  createLibraryItem: (_root, args, ctx) => {
    requireContributor(ctx.viewer);
    return createLibraryItem(ctx, parseInput(createItemInput, args.input));
  },
  updateLibraryItem: (_root, args, ctx) => {
    requireContributor(ctx.viewer);
    return updateLibraryItem(
      ctx,
      args.id,
      parseInput(updateItemInput, args.input),
      parseArgs(expectedVersion, args).expectedVersion,
    );
  },
  publishLibraryItem: (_root, args, ctx) => publishLibraryItem(ctx, args.id),
  archiveLibraryItem: (_root, args, ctx) => archiveLibraryItem(ctx, args.id),
  recordLibraryItemView: (_root, args, ctx) => recordLibraryItemView(ctx, args.id, ctx.client),

  createCollection: (_root, args, ctx) => {
    requireEditor(ctx.viewer);
    return createCollection(ctx, parseInput(createCollectionInput, args.input));
  },
  updateCollection: (_root, args, ctx) => {
    requireEditor(ctx.viewer);
    return updateCollection(
      ctx,
      args.id,
      parseInput(updateCollectionInput, args.input),
      parseArgs(expectedVersion, args).expectedVersion,
    );
  },
  setCollectionItems: (_root, args, ctx) => {
    requireEditor(ctx.viewer);
    return setCollectionItems(
      ctx,
      args.id,
      parseInput(collectionItemsInput, args.itemIds, 'itemIds'),
    );
  },
  deleteCollection: (_root, args, ctx) => deleteCollection(ctx, args.id),

  createPlatformApp: (_root, args, ctx) => {
    requireEditor(ctx.viewer);
    return createPlatformApp(ctx, parseInput(createPlatformAppInput, args.input));
  },
  updatePlatformApp: (_root, args, ctx) => {
    requireEditor(ctx.viewer);
    return updatePlatformApp(
      ctx,
      args.id,
      parseInput(updatePlatformAppInput, args.input),
      parseArgs(expectedVersion, args).expectedVersion,
    );
  },
  deletePlatformApp: (_root, args, ctx) => deletePlatformApp(ctx, args.id),

  createShowcaseEntry: (_root, args, ctx) => {
    requireEditor(ctx.viewer);
    return createShowcaseEntry(ctx, parseInput(createShowcaseInput, args.input));
  },
  updateShowcaseEntry: (_root, args, ctx) => {
    requireEditor(ctx.viewer);
    return updateShowcaseEntry(
      ctx,
      args.id,
      parseInput(updateShowcaseInput, args.input),
      parseArgs(expectedVersion, args).expectedVersion,
    );
  },
  archiveShowcaseEntry: (_root, args, ctx) => archiveShowcaseEntry(ctx, args.id),
  recordShowcaseTryIt: (_root, args, ctx) => recordShowcaseTryIt(ctx, args.id, ctx.client),
};
