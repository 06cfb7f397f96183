import type { Page } from '@portal/db';
import type { Connection, Model } from 'mongoose';
import { collectionModel, type CollectionDoc } from './collection.model';
import { itemStatsModel, type ItemStatsDoc } from './item-stats.model';
import { libraryItemModel, type LibraryItemDoc } from './library-item.model';
import { mediaFileModel, type MediaFileDoc } from './media-file.model';
import { platformAppModel, type PlatformAppDoc } from './platform-app.model';
import {
  showcaseEntryModel,
  showcaseStatsModel,
  type ShowcaseEntryDoc,
  type ShowcaseStatsDoc,
} from './showcase-entry.model';
import { storedBlobModel, type StoredBlobDoc } from './stored-blob.model';

export type { CollectionDoc } from './collection.model';
export type { ItemStatsDoc } from './item-stats.model';
export type { LibraryItemDoc, PersonRef } from './library-item.model';
export type { MediaFileDoc } from './media-file.model';
export type { PlatformAppDoc } from './platform-app.model';
export type { ShowcaseEntryDoc, ShowcaseStatsDoc } from './showcase-entry.model';
export type { StoredBlobDoc } from './stored-blob.model';

/** Every model of the library's database, bound to one connection. */
export interface LibraryModels {
  items: Model<LibraryItemDoc>;
  files: Model<MediaFileDoc>;
  blobs: Model<StoredBlobDoc>;
  collections: Model<CollectionDoc>;
  apps: Model<PlatformAppDoc>;
  stats: Model<ItemStatsDoc>;
  showcase: Model<ShowcaseEntryDoc>;
  showcaseStats: Model<ShowcaseStatsDoc>;
}

export function libraryModels(conn: Connection): LibraryModels {
  return {
    items: libraryItemModel(conn),
    files: mediaFileModel(conn),
    blobs: storedBlobModel(conn),
    collections: collectionModel(conn),
    apps: platformAppModel(conn),
    stats: itemStatsModel(conn),
    showcase: showcaseEntryModel(conn),
    showcaseStats: showcaseStatsModel(conn),
  };
}

/** One page of a listing, as `paginate()` returns it (the resolver types map connections to these). */
export type LibraryItemPage = Page<LibraryItemDoc>;
export type CollectionPage = Page<CollectionDoc>;
export type PlatformAppPage = Page<PlatformAppDoc>;
export type ShowcaseEntryPage = Page<ShowcaseEntryDoc>;
