import { Types, type FilterQuery } from 'mongoose';
import { badInput, conflict, notFound, type FieldProblem } from '@portal/errors';
import { paginate, type Page, type SortSpec } from '@portal/db';
import { fold, searchTokens } from '@portal/text';
import { parseInput } from '@portal/graphql-kit';
import { parseExpectedVersion } from '../domain/expected-version';
import { kindOfMime, type FileKind } from '../domain/file-types';
import {
  itemCriteria,
  MAX_RANKED_CANDIDATES,
  publisherKey,
  relevancePage,
  topicKey,
  type ItemCriteria,
} from '../domain/item-listing';
import {
  canSeeItem,
  isEditor,
  listingScope,
  requireCanAttachFiles,
  requireCanEditItem,
  requireCanPlaceInCollection,
  requireContributor,
  requireEditor,
} from '../domain/library-access';
import {
  archiveTransition,
  itemProblems,
  publishProblems,
  publishTransition,
  type ItemFields,
} from '../domain/library-item';
import {
  applyItemUpdate,
  newItemFields,
  createItemInput,
  type ItemFilterInput,
  updateItemInput,
} from '../domain/library-item-input';
import { objectIds } from '../loaders';
import type { LibraryItemDoc, MediaFileDoc } from '../models';
import { findByIdOrSlug, type IdOrSlug } from './find-by-id-or-slug';
import type { ServiceContext } from './service-context';
import { createFirstVersion, requireVersion, updateAtVersion } from './versioned-records';

/** The stored form of an item's fields, with the keys search and filters use. */
export function storedFields(fields: ItemFields) {
  return {
    title: fields.title,
    description: fields.description,
    format: fields.format,
    topics: fields.topics,
    topicKeys: fields.topics.map(topicKey),
    audience: fields.audience,
    publisher: fields.publisher,
    publisherKey: fields.publisher ? publisherKey(fields.publisher) : null,
    language: fields.language,
    fileIds: fields.fileIds.map((id) => new Types.ObjectId(id)),
    externalUrl: fields.externalUrl,
    durationSeconds: fields.durationSeconds,
    pageCount: fields.pageCount,
    collectionId: fields.collectionId ? new Types.ObjectId(fields.collectionId) : null,
    searchTokens: searchTokens(
      fields.title,
      fields.description,
      fields.topics.join(' '),
      fields.publisher,
    ),
    titleTokens: searchTokens(fields.title),
    titleKey: fold(fields.title),
  };
}

export function fieldsOf(doc: LibraryItemDoc): ItemFields {
  return {
    title: doc.title,
    description: doc.description,
    format: doc.format,
    topics: doc.topics,
    audience: doc.audience,
    publisher: doc.publisher,
    language: doc.language,
    fileIds: doc.fileIds.map((id) => id.toHexString()),
    collectionId: doc.collectionId?.toHexString() ?? null,
    externalUrl: doc.externalUrl,
    durationSeconds: doc.durationSeconds,
    pageCount: doc.pageCount,
  };
}

/** The files named by `fileIds`, all of which must exist; a contributor's must be their own. */
async function filesToAttach(
  ctx: ServiceContext & { viewer: { id: string } },
  fileIds: readonly string[],
  field: string,
): Promise<MediaFileDoc[]> {
  const files = await Promise.all(fileIds.map((id) => ctx.loaders.files.load(id)));
  const missing: FieldProblem[] = [];
  files.forEach((f, i) => {
    if (!f) missing.push({ field: `${field}.${i}`, message: 'is not an uploaded file' });
  });
  if (missing.length) throw badInput(missing);
  const found = files as MediaFileDoc[];
  requireCanAttachFiles(ctx.viewer, found);
  return found;
}

async function requireCollection(ctx: ServiceContext, id: string, field: string): Promise<void> {
  if (!(await ctx.loaders.collections.load(id))) throw badInput(field, 'is not a collection');
}

/** The position after the collection's last item. */
async function nextPosition(ctx: ServiceContext, collectionId: string): Promise<number> {
  const last = await ctx.models.items
    .findOne({ collectionId: new Types.ObjectId(collectionId) }, { collectionPosition: 1 })
    .sort({ collectionPosition: -1, _id: -1 })
    .lean();
  return (last?.collectionPosition ?? -1) + 1;
}

function kindsOf(files: readonly (MediaFileDoc | null)[]): FileKind[] {
  return files.flatMap((f) => {
    const kind = f ? kindOfMime(f.mimeType) : null;
    return kind ? [kind] : [];
  });
}

/** Contributors and editors: a new DRAFT. */
export async function createLibraryItem(
  ctx: ServiceContext,
  raw: unknown,
): Promise<LibraryItemDoc> {
  const viewer = ctx.viewer;
  requireContributor(viewer);
  const input = parseInput(createItemInput, raw);
  const fields = newItemFields(input);
  const problems = itemProblems(fields);
  if (problems.length) throw badInput(problems);
  if (fields.collectionId) {
    requireCanPlaceInCollection(viewer);
    await requireCollection(ctx, fields.collectionId, 'input.collectionId');
  }
  await filesToAttach({ ...ctx, viewer }, fields.fileIds, 'input.fileIds');
  const position = fields.collectionId ? await nextPosition(ctx, fields.collectionId) : null;
  const item = await createFirstVersion(ctx.models.items, fields.title, {
    ...storedFields(fields),
    collectionPosition: position,
    status: 'DRAFT',
    publishedAt: null,
    createdBy: { id: viewer.id, displayName: viewer.displayName ?? viewer.id },
  });
  ctx.logger.info({ itemId: item._id.toHexString(), slug: item.slug }, 'library item created');
  return item;
}

/** The item if it exists and the viewer may see it; otherwise NOT_FOUND. */
async function visibleItem(ctx: ServiceContext, id: string): Promise<LibraryItemDoc> {
  const item = await ctx.loaders.items.load(id);
  if (!item || !canSeeItem(ctx.viewer, item)) throw notFound('Library item');
  return item;
}

async function reload(ctx: ServiceContext, id: string): Promise<LibraryItemDoc> {
  ctx.loaders.items.clear(id);
  return visibleItem(ctx, id);
}

/** Editors: any item; contributors: their own drafts. Stale `expectedVersion` → CONFLICT. */
export async function updateLibraryItem(
  ctx: ServiceContext,
  id: string,
  rawPatch: unknown,
  rawVersion: unknown,
): Promise<LibraryItemDoc> {
  const viewer = ctx.viewer;
  requireContributor(viewer);
  const patch = parseInput(updateItemInput, rawPatch);
  const expectedVersion = parseExpectedVersion(rawVersion);
  const item = await visibleItem(ctx, id);
  requireCanEditItem(viewer, item);
  requireVersion(item, expectedVersion, 'item');
  const current = fieldsOf(item);
  const next = applyItemUpdate(current, patch);
  const problems = itemProblems(next);
  if (problems.length) throw badInput(problems);
  const collectionChanged = next.collectionId !== current.collectionId;
  if (collectionChanged) {
    requireCanPlaceInCollection(viewer);
    if (next.collectionId) await requireCollection(ctx, next.collectionId, 'input.collectionId');
  }
  const added = next.fileIds.filter((f) => !current.fileIds.includes(f));
  await filesToAttach({ ...ctx, viewer }, added, 'input.fileIds');
  if (item.status === 'PUBLISHED') {
    const files = await Promise.all(next.fileIds.map((f) => ctx.loaders.files.load(f)));
    const blockers = publishProblems(next, kindsOf(files));
    if (blockers.length)
      throw badInput(blockers.map((p) => ({ ...p, field: p.field.replace(/^item\./, 'input.') })));
  }
  const position = collectionChanged
    ? next.collectionId
      ? await nextPosition(ctx, next.collectionId)
      : null
    : item.collectionPosition;
  await updateAtVersion(
    ctx.models.items,
    item,
    expectedVersion,
    { ...storedFields(next), collectionPosition: position },
    'item',
  );
  return reload(ctx, id);
}

async function transition(
  ctx: ServiceContext,
  id: string,
  decide: (item: LibraryItemDoc) => ReturnType<typeof archiveTransition>,
  check: (item: LibraryItemDoc) => Promise<void>,
): Promise<LibraryItemDoc> {
  requireEditor(ctx.viewer);
  const item = await visibleItem(ctx, id);
  const next = decide(item);
  if (!next.change) return item;
  await check(item);
  const result = await ctx.models.items.updateOne(
    { _id: item._id, version: item.version },
    {
      $set: { status: next.status, publishedAt: next.publishedAt, updatedAt: new Date() },
      $inc: { version: 1 },
    },
  );
  if (result.matchedCount === 0)
    throw conflict('The item changed while this was being done; try again');
  ctx.logger.info({ itemId: id, status: next.status }, 'library item status changed');
  return reload(ctx, id);
}

/** Editors: DRAFT or ARCHIVED → PUBLISHED, once the material is there. */
export function publishLibraryItem(ctx: ServiceContext, id: string): Promise<LibraryItemDoc> {
  return transition(
    ctx,
    id,
    (item) => publishTransition(item, new Date()),
    async (item) => {
      const files = await Promise.all(
        item.fileIds.map((f) => ctx.loaders.files.load(f.toHexString())),
      );
      const problems = publishProblems(fieldsOf(item), kindsOf(files));
      if (problems.length) throw badInput(problems);
    },
  );
}

/** Editors: off the public library, kept in the database. */
export function archiveLibraryItem(ctx: ServiceContext, id: string): Promise<LibraryItemDoc> {
  return transition(ctx, id, archiveTransition, async () => {});
}

/** One item by id or slug, if the viewer may see it. */
export async function findLibraryItem(
  ctx: ServiceContext,
  by: IdOrSlug,
): Promise<LibraryItemDoc | null> {
  const item = await findByIdOrSlug(by, ctx.models.items, (id) => ctx.loaders.items.load(id));
  return item && canSeeItem(ctx.viewer, item) ? item : null;
}

function mongoFilter(c: ItemCriteria): FilterQuery<LibraryItemDoc> {
  const filter: FilterQuery<LibraryItemDoc> = { status: c.status };
  if (c.createdById) filter['createdBy.id'] = c.createdById;
  if (c.format) filter.format = c.format;
  if (c.topicKey) filter.topicKeys = c.topicKey;
  if (c.audience) filter.audience = c.audience;
  if (c.publisherKey) filter.publisherKey = c.publisherKey;
  if (c.language) filter.language = c.language;
  if (c.collectionId) filter.collectionId = new Types.ObjectId(c.collectionId);
  if (c.tokens.length) filter.searchTokens = { $all: c.tokens };
  return filter;
}

/** Newest first by publication for published items, by creation for the others. */
function newestSort(c: ItemCriteria): SortSpec {
  const at = c.status === 'PUBLISHED' ? 'publishedAt' : 'createdAt';
  return [
    [at, -1],
    ['_id', -1],
  ];
}

/** A listing: published items for everyone; other statuses for editors and (their own) contributors. */
export async function listLibraryItems(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter: ItemFilterInput },
): Promise<Page<LibraryItemDoc>> {
  const criteria = itemCriteria(args.filter, listingScope(ctx.viewer, args.filter.status));
  const filter = mongoFilter(criteria);
  if (criteria.sort !== 'RELEVANCE') {
    const sort: SortSpec =
      criteria.sort === 'TITLE'
        ? [
            ['titleKey', 1],
            ['_id', 1],
          ]
        : newestSort(criteria);
    return paginate(ctx.models.items, { filter, sort, first: args.first, after: args.after });
  }
  const at = criteria.status === 'PUBLISHED' ? 'publishedAt' : 'createdAt';
  const candidates = await ctx.models.items
    .find(filter, { title: 1, titleTokens: 1, publishedAt: 1, createdAt: 1 })
    .sort({ [at]: -1, _id: -1 })
    .limit(MAX_RANKED_CANDIDATES)
    .lean();
  const page = relevancePage(
    candidates.map((c) => ({
      id: c._id.toHexString(),
      title: c.title,
      titleTokens: c.titleTokens,
      at: (at === 'publishedAt' ? c.publishedAt : c.createdAt) ?? c.createdAt,
    })),
    criteria.tokens,
    args.first,
    args.after,
  );
  const rows = page.ids.length
    ? await ctx.models.items.find({ _id: { $in: objectIds(page.ids) } }).lean()
    : [];
  const byId = new Map(rows.map((r) => [r._id.toHexString(), r]));
  return {
    nodes: page.ids.flatMap((id) => byId.get(id) ?? []),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: () => ctx.models.items.countDocuments(filter).exec(),
  };
}

/** A collection's items in its order: published ones, or every one for editors. */
export function listCollectionItems(
  ctx: ServiceContext,
  collectionId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<LibraryItemDoc>> {
  const filter: FilterQuery<LibraryItemDoc> = { collectionId: new Types.ObjectId(collectionId) };
  if (!isEditor(ctx.viewer)) filter.status = 'PUBLISHED';
  return paginate(ctx.models.items, {
    filter,
    sort: [
      ['collectionPosition', 1],
      ['_id', 1],
    ],
    first: args.first,
    after: args.after,
  });
}

const MAX_TOPICS = 100;

/** Topics of published items with their counts; spellings that differ only in case or accents count as one. */
export async function libraryTopics(
  ctx: ServiceContext,
): Promise<{ topic: string; itemCount: number }[]> {
  const rows = await ctx.models.items.aggregate<{ _id: string; n: number }>([
    { $match: { status: 'PUBLISHED' } },
    { $unwind: '$topics' },
    { $group: { _id: '$topics', n: { $sum: 1 } } },
  ]);
  const merged = new Map<string, { topic: string; itemCount: number; best: number }>();
  for (const row of rows) {
    const key = topicKey(row._id);
    const entry = merged.get(key);
    if (!entry) merged.set(key, { topic: row._id, itemCount: row.n, best: row.n });
    else {
      entry.itemCount += row.n;
      // The most used spelling names the topic.
      if (row.n > entry.best) Object.assign(entry, { topic: row._id, best: row.n });
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.itemCount - a.itemCount || a.topic.localeCompare(b.topic, 'vi'))
    .slice(0, MAX_TOPICS)
    .map(({ topic, itemCount }) => ({ topic, itemCount }));
}

/** Counts a view of a published item once per client per day; false when not counted. */
export async function recordLibraryItemView(
  ctx: ServiceContext,
  id: string,
  client: string,
): Promise<boolean> {
  const item = await ctx.loaders.items.load(id);
  if (!item || item.status !== 'PUBLISHED') throw notFound('Library item');
  return ctx.counters.recordOnce('view', id, client);
}
