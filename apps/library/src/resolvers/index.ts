import type { Resolvers } from '../__generated__/resolvers-types';
import { Collection } from './Collection';
import { LibraryItem } from './LibraryItem';
import { MediaFile } from './MediaFile';
import { Mutation } from './Mutation';
import { PlatformApp } from './PlatformApp';
import { Query } from './Query';
import { ShowcaseEntry } from './ShowcaseEntry';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  LibraryItem,
  Collection,
  MediaFile,
  PlatformApp,
  ShowcaseEntry,
};
