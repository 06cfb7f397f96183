import DataLoader from 'dataloader';
import { toObjectIds } from '@portal/db';
import { Types } from 'mongoose';
import { createDocumentLoader } from '@portal/graphql-kit';
import type {
  CollectionDoc,
  ItemStatsDoc,
  LibraryItemDoc,
  LibraryModels,
  MediaFileDoc,
  ShowcaseEntryDoc,
  ShowcaseStatsDoc,
} from './models';

/** Ids that are well-formed ObjectIds, as ObjectIds (others cannot match anything). */
export const objectIds = toObjectIds;

export interface LibraryLoaders {
  items: DataLoader<string, LibraryItemDoc | null>;
  files: DataLoader<string, MediaFileDoc | null>;
  collections: DataLoader<string, CollectionDoc | null>;
  stats: DataLoader<string, ItemStatsDoc | null>;
  showcase: DataLoader<string, ShowcaseEntryDoc | null>;
  showcaseStats: DataLoader<string, ShowcaseStatsDoc | null>;
  /** Published items per collection. */
  collectionItemCounts: DataLoader<string, number>;
}

/** Per-request loaders: N lookups of one kind in a request cost one query (`$in`). */
export function createLoaders(models: LibraryModels): LibraryLoaders {
  return {
    items: createDocumentLoader(models.items),
    files: createDocumentLoader(models.files),
    collections: createDocumentLoader(models.collections),
    stats: createDocumentLoader(models.stats),
    showcase: createDocumentLoader(models.showcase),
    showcaseStats: createDocumentLoader(models.showcaseStats),
    collectionItemCounts: new DataLoader<string, number>(async (ids) => {
      const rows = await models.items.aggregate<{ _id: Types.ObjectId; n: number }>([
        { $match: { collectionId: { $in: objectIds(ids) }, status: 'PUBLISHED' } },
        { $group: { _id: '$collectionId', n: { $sum: 1 } } },
      ]);
      const counts = new Map(rows.map((r) => [r._id.toHexString(), r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
