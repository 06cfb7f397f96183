import { defineModels, type Page } from '@portal/db';
import { collectionModel, type CollectionDoc } from './collection.model';
import { itemStatsModel } from './item-stats.model';
import { libraryItemModel, type LibraryItemDoc } from './library-item.model';
import { mediaFileModel } from './media-file.model';
import { platformAppModel, type PlatformAppDoc } from './platform-app.model';
import {
  showcaseEntryModel,
  showcaseStatsModel,
  type ShowcaseEntryDoc,
} from './showcase-entry.model';
import { storedBlobModel } from './stored-blob.model';

export type { CollectionDoc } from './collection.model';
export type { ItemStatsDoc } from './item-stats.model';
export type { LibraryItemDoc, PersonRef } from './library-item.model';
export type { MediaFileDoc } from './media-file.model';
export type { PlatformAppDoc } from './platform-app.model';
export type { ShowcaseEntryDoc, ShowcaseStatsDoc } from './showcase-entry.model';
export type { StoredBlobDoc } from './stored-blob.model';

/** Every model of the library's database, bound to one connection. */
export const libraryModels = defineModels({
  items: libraryItemModel,
  files: mediaFileModel,
  blobs: storedBlobModel,
  collections: collectionModel,
  apps: platformAppModel,
  stats: itemStatsModel,
  showcase: showcaseEntryModel,
  showcaseStats: showcaseStatsModel,
});

export type LibraryModels = ReturnType<typeof libraryModels>;

/** One page of a listing, as `paginate()` returns it (the resolver types map connections to these). */
export type LibraryItemPage = Page<LibraryItemDoc>;
export type CollectionPage = Page<CollectionDoc>;
export type PlatformAppPage = Page<PlatformAppDoc>;
export type ShowcaseEntryPage = Page<ShowcaseEntryDoc>;
