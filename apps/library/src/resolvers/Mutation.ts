import type { MutationResolvers } from '../__generated__/resolvers-types';
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

// Each service decides who may call it first, then validates its input: a caller without
// the role learns nothing about the input rules.
export const Mutation: MutationResolvers = {
  createLibraryItem: (_root, args, ctx) => createLibraryItem(ctx, args.input),
  updateLibraryItem: (_root, args, ctx) =>
    updateLibraryItem(ctx, args.id, args.input, args.expectedVersion),
  publishLibraryItem: (_root, args, ctx) => publishLibraryItem(ctx, args.id),
  archiveLibraryItem: (_root, args, ctx) => archiveLibraryItem(ctx, args.id),
  recordLibraryItemView: (_root, args, ctx) => recordLibraryItemView(ctx, args.id, ctx.client),

  createCollection: (_root, args, ctx) => createCollection(ctx, args.input),
  updateCollection: (_root, args, ctx) =>
    updateCollection(ctx, args.id, args.input, args.expectedVersion),
  setCollectionItems: (_root, args, ctx) => setCollectionItems(ctx, args.id, args.itemIds),
  deleteCollection: (_root, args, ctx) => deleteCollection(ctx, args.id),

  createPlatformApp: (_root, args, ctx) => createPlatformApp(ctx, args.input),
  updatePlatformApp: (_root, args, ctx) =>
    updatePlatformApp(ctx, args.id, args.input, args.expectedVersion),
  deletePlatformApp: (_root, args, ctx) => deletePlatformApp(ctx, args.id),

  createShowcaseEntry: (_root, args, ctx) => createShowcaseEntry(ctx, args.input),
  updateShowcaseEntry: (_root, args, ctx) =>
    updateShowcaseEntry(ctx, args.id, args.input, args.expectedVersion),
  archiveShowcaseEntry: (_root, args, ctx) => archiveShowcaseEntry(ctx, args.id),
  recordShowcaseTryIt: (_root, args, ctx) => recordShowcaseTryIt(ctx, args.id, ctx.client),
};
