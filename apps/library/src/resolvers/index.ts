import type { Resolvers } from '../__generated__/resolvers-types';
import { Collection } from './Collection';
import { LibraryItem } from './LibraryItem';
import { MediaFile } from './MediaFile';
import { Mutation } from './Mutation';
import { PlatformApp } from './PlatformApp';
import { PortalStats, statsMutations } from './PortalStats';
import { Query } from './Query';
import { ShowcaseEntry } from './ShowcaseEntry';

export const resolvers: Resolvers = {
  Query,
  Mutation: { ...Mutation, ...statsMutations },
  PortalStats,
  LibraryItem,
  Collection,
  MediaFile,
  PlatformApp,
  ShowcaseEntry,
};
