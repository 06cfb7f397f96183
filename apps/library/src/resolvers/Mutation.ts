import { z } from 'zod';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
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
import {
  createPlatformApp,
  deletePlatformApp,
  updatePlatformApp,
} from '../services/platform-apps.service';

const expectedVersion = z.object({
  expectedVersion: z.number().int().min(1, 'must be a version the server gave you'),
});

export const Mutation: MutationResolvers = {
  createLibraryItem: (_root, args, ctx) =>
    createLibraryItem(ctx, parseInput(createItemInput, args.input)),
  updateLibraryItem: (_root, args, ctx) =>
    updateLibraryItem(
      ctx,
      args.id,
      parseInput(updateItemInput, args.input),
      parseArgs(expectedVersion, args).expectedVersion,
    ),
  publishLibraryItem: (_root, args, ctx) => publishLibraryItem(ctx, args.id),
  archiveLibraryItem: (_root, args, ctx) => archiveLibraryItem(ctx, args.id),
  recordLibraryItemView: (_root, args, ctx) => recordLibraryItemView(ctx, args.id, ctx.client),

  createCollection: (_root, args, ctx) =>
    createCollection(ctx, parseInput(createCollectionInput, args.input)),
  updateCollection: (_root, args, ctx) =>
    updateCollection(
      ctx,
      args.id,
      parseInput(updateCollectionInput, args.input),
      parseArgs(expectedVersion, args).expectedVersion,
    ),
  setCollectionItems: (_root, args, ctx) =>
    setCollectionItems(ctx, args.id, parseInput(collectionItemsInput, args.itemIds, 'itemIds')),
  deleteCollection: (_root, args, ctx) => deleteCollection(ctx, args.id),

  createPlatformApp: (_root, args, ctx) =>
    createPlatformApp(ctx, parseInput(createPlatformAppInput, args.input)),
  updatePlatformApp: (_root, args, ctx) =>
    updatePlatformApp(
      ctx,
      args.id,
      parseInput(updatePlatformAppInput, args.input),
      parseArgs(expectedVersion, args).expectedVersion,
    ),
  deletePlatformApp: (_root, args, ctx) => deletePlatformApp(ctx, args.id),
};
