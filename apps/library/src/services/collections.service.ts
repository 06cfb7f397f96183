import { Types } from 'mongoose';
import { badInput, notFound, type FieldProblem } from '@portal/errors';
import { paginate, type Page } from '@portal/db';
import { fold } from '@portal/text';
import { parseInput } from '@portal/graphql-kit';
import {
  collectionItemsInput,
  createCollectionInput,
  updateCollectionInput,
} from '../domain/collection-input';
import { parseExpectedVersion } from '../domain/expected-version';
import { requireEditor } from '../domain/library-access';
import { objectIds } from '../loaders';
import type { CollectionDoc } from '../models';
import { findByIdOrSlug, type IdOrSlug } from './find-by-id-or-slug';
import type { ServiceContext } from './service-context';
import { createFirstVersion, requireVersion, updateAtVersion } from './versioned-records';

export function listCollections(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null },
): Promise<Page<CollectionDoc>> {
  return paginate(ctx.models.collections, {
    filter: {},
    sort: [
      ['titleKey', 1],
      ['_id', 1],
    ],
    first: args.first,
    after: args.after,
  });
}

export async function findCollection(
  ctx: ServiceContext,
  by: IdOrSlug,
): Promise<CollectionDoc | null> {
  return findByIdOrSlug(by, ctx.models.collections, (id) => ctx.loaders.collections.load(id));
}

async function existing(ctx: ServiceContext, id: string): Promise<CollectionDoc> {
  const collection = await ctx.loaders.collections.load(id);
  if (!collection) throw notFound('Collection');
  return collection;
}

export async function createCollection(ctx: ServiceContext, raw: unknown): Promise<CollectionDoc> {
  requireEditor(ctx.viewer);
  const input = parseInput(createCollectionInput, raw);
  return createFirstVersion(ctx.models.collections, input.title, {
    title: input.title,
    description: input.description ?? null,
    titleKey: fold(input.title),
  });
}

export async function updateCollection(
  ctx: ServiceContext,
  id: string,
  rawPatch: unknown,
  rawVersion: unknown,
): Promise<CollectionDoc> {
  requireEditor(ctx.viewer);
  const patch = parseInput(updateCollectionInput, rawPatch);
  const expectedVersion = parseExpectedVersion(rawVersion);
  const collection = await existing(ctx, id);
  requireVersion(collection, expectedVersion, 'collection');
  const set: Partial<CollectionDoc> = {};
  if (patch.title != null) Object.assign(set, { title: patch.title, titleKey: fold(patch.title) });
  if (patch.description !== undefined) set.description = patch.description;
  await updateAtVersion(ctx.models.collections, collection, expectedVersion, set, 'collection');
  ctx.loaders.collections.clear(id);
  return existing(ctx, id);
}

/**
 * Makes `itemIds`, in order, the collection's items. Membership lives on each item
 * (one document per write), so this writes every listed item and then takes the rest out;
 * running it again after a failure finishes the job.
 */
export async function setCollectionItems(
  ctx: ServiceContext,
  id: string,
  rawItemIds: unknown,
): Promise<CollectionDoc> {
  requireEditor(ctx.viewer);
  const itemIds = parseInput(collectionItemsInput, rawItemIds, 'itemIds');
  const collection = await existing(ctx, id);
  const items = await Promise.all(itemIds.map((itemId) => ctx.loaders.items.load(itemId)));
  const missing: FieldProblem[] = [];
  items.forEach((item, i) => {
    if (!item) missing.push({ field: `itemIds.${i}`, message: 'is not a library item' });
  });
  if (missing.length) throw badInput(missing);
  const now = new Date();
  for (const [position, item] of items.entries()) {
    if (item!.collectionId?.equals(collection._id) && item!.collectionPosition === position)
      continue;
    await ctx.models.items.updateOne(
      { _id: item!._id },
      {
        $set: { collectionId: collection._id, collectionPosition: position, updatedAt: now },
        $inc: { version: 1 },
      },
    );
  }
  await ctx.models.items.updateMany(
    { collectionId: collection._id, _id: { $nin: objectIds(itemIds) } },
    {
      $set: { collectionId: null, collectionPosition: null, updatedAt: now },
      $inc: { version: 1 },
    },
  );
  await ctx.models.collections.updateOne({ _id: collection._id }, { $set: { updatedAt: now } });
  ctx.loaders.collections.clear(id);
  for (const itemId of itemIds) ctx.loaders.items.clear(itemId);
  ctx.logger.info({ collectionId: id, items: itemIds.length }, 'collection items set');
  return existing(ctx, id);
}

/** Deletes the collection; its items stay in the library, outside any collection. */
export async function deleteCollection(ctx: ServiceContext, id: string): Promise<boolean> {
  requireEditor(ctx.viewer);
  const collection = await existing(ctx, id);
  // Items first: if this stops half-way, the collection is still there to delete again.
  await ctx.models.items.updateMany(
    { collectionId: collection._id },
    {
      $set: { collectionId: null, collectionPosition: null, updatedAt: new Date() },
      $inc: { version: 1 },
    },
  );
  await ctx.models.collections.deleteOne({ _id: new Types.ObjectId(id) });
  ctx.loaders.collections.clear(id);
  ctx.logger.info({ collectionId: id }, 'collection deleted');
  return true;
}
