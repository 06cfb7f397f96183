import { parseInput } from '@portal/graphql-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { isEditor } from '../domain/library-access';
import { itemFilterInput } from '../domain/library-item-input';
import { platformAppFilterInput } from '../domain/platform-app-input';
import { findCollection, listCollections } from '../services/collections.service';
import {
  findLibraryItem,
  libraryTopics,
  listLibraryItems,
} from '../services/library-items.service';
import { findPlatformApp, listPlatformApps } from '../services/platform-apps.service';
import { showcaseFilterInput } from '../domain/showcase-input';
import { findShowcaseEntry, listShowcaseEntries } from '../services/showcase.service';
import { markPrivate } from './cache-hint';

export const Query: QueryResolvers = {
  libraryItems: (_root, args, ctx, info) => {
    const filter = parseInput(itemFilterInput, args.filter, 'filter');
    if (filter.status && filter.status !== 'PUBLISHED') markPrivate(info);
    return listLibraryItems(ctx, { first: args.first, after: args.after, filter });
  },
  libraryItem: async (_root, args, ctx, info) => {
    const item = await findLibraryItem(ctx, args);
    if (item && item.status !== 'PUBLISHED') markPrivate(info);
    return item;
  },
  libraryTopics: (_root, _args, ctx) => libraryTopics(ctx),
  collections: (_root, args, ctx) => listCollections(ctx, args),
  collection: (_root, args, ctx, info) => {
    if (isEditor(ctx.viewer)) markPrivate(info);
    return findCollection(ctx, args);
  },
  platformApps: (_root, args, ctx) =>
    listPlatformApps(ctx, {
      first: args.first,
      after: args.after,
      filter: parseInput(platformAppFilterInput, args.filter, 'filter'),
    }),
  platformApp: (_root, args, ctx) => findPlatformApp(ctx, args),
  showcaseEntries: (_root, args, ctx, info) => {
    const filter = parseInput(showcaseFilterInput, args.filter, 'filter');
    if (filter.status === 'ARCHIVED') markPrivate(info);
    return listShowcaseEntries(ctx, { first: args.first, after: args.after, filter });
  },
  showcaseEntry: async (_root, args, ctx, info) => {
    const entry = await findShowcaseEntry(ctx, args);
    if (entry && entry.status !== 'ACTIVE') markPrivate(info);
    return entry;
  },
};
