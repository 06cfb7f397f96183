import DataLoader from 'dataloader';
import { toObjectIds } from '@portal/db';
import { Types } from 'mongoose';
import { createByIdLoader } from '@portal/graphql-kit';
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
  const hex = (doc: { _id: Types.ObjectId }) => doc._id.toHexString();
  return {
    items: createByIdLoader(
      (ids) => models.items.find({ _id: { $in: objectIds(ids) } }).lean(),
      hex,
    ),
    files: createByIdLoader(
      (ids) => models.files.find({ _id: { $in: objectIds(ids) } }).lean(),
      hex,
    ),
    collections: createByIdLoader(
      (ids) => models.collections.find({ _id: { $in: objectIds(ids) } }).lean(),
      hex,
    ),
    stats: createByIdLoader(
      (ids) => models.stats.find({ _id: { $in: objectIds(ids) } }).lean(),
      hex,
    ),
    showcase: createByIdLoader(
      (ids) => models.showcase.find({ _id: { $in: objectIds(ids) } }).lean(),
      hex,
    ),
    showcaseStats: createByIdLoader(
      (ids) => models.showcaseStats.find({ _id: { $in: objectIds(ids) } }).lean(),
      hex,
    ),
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
