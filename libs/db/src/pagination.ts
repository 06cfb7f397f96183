import { mongo, type FilterQuery, type Model } from 'mongoose';
import { badInput } from '@portal/errors';
import { findByIds } from './by-ids';
import { cachedListValue, pageCacheOf, type PageShape } from './page-cache';

const { EJSON } = mongo.BSON;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** One page of a cursor connection (GraphQL's `XConnection` types map to it). `totalCount` is a thunk so it costs a query only when asked for. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** A page with nothing in it (a filter that can match nothing, e.g. an unknown id). */
export function emptyPage<T>(): Page<T> {
  return {
    nodes: [],
    pageInfo: { hasNextPage: false, endCursor: null },
    totalCount: () => Promise.resolve(0),
  };
}

/** `first` defaults to 20 and is capped at 100; a negative one is refused. */
export function pageSize(
  first: number | null | undefined,
  defaultSize = DEFAULT_PAGE_SIZE,
): number {
  if (first === null || first === undefined) return defaultSize;
  if (!Number.isInteger(first) || first < 0)
    throw badInput('first', 'must be a whole number, 0 or more');
  return Math.min(first, MAX_PAGE_SIZE);
}

/** Opaque cursor from sort-key values; EJSON keeps Dates and ObjectIds intact. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(EJSON.stringify(values, { relaxed: false })).toString('base64url');
}

// The BSON wrappers EJSON (canonical mode) hands numbers back as.
const NUMBER_TYPES = new Set(['Int32', 'Double', 'Long']);

/**
 * A sort-key value a cursor may carry: a scalar (string, number, boolean, null), a valid Date
 * or an ObjectId. Anything else (an object such as `{"$ne": null}`, an array, a regex, code)
 * would become a query operator or an unintended comparison, so it is refused.
 */
function isCursorValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Date) return Number.isFinite(value.getTime());
  if (value instanceof mongo.ObjectId) return true;
  if (typeof value === 'object') {
    const bsontype = (value as { _bsontype?: unknown })._bsontype;
    if (typeof bsontype === 'string' && NUMBER_TYPES.has(bsontype))
      return Number.isFinite(Number(value));
  }
  return false;
}

/** The sort-key values of a cursor, each checked by type before it reaches a query. */
export function decodeCursor(cursor: string, expectedLength: number, field = 'after'): unknown[] {
  let values: unknown;
  try {
    values = EJSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'), { relaxed: false });
  } catch {
    throw badInput(field, 'is not a valid cursor');
  }
  if (Array.isArray(values) && values.length === expectedLength && values.every(isCursorValue))
    return values;
  throw badInput(field, 'is not a valid cursor');
}

/** Sort keys, most significant first; the last must be unique (`_id`) so pages never overlap. */
export type SortSpec = readonly (readonly [field: string, direction: 1 | -1])[];

export function sortObject(sort: SortSpec): Record<string, 1 | -1> {
  return Object.fromEntries(sort.map(([field, dir]) => [field, dir]));
}

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      doc,
    );
}

/**
 * The filter for documents strictly after `after` in `sort` order (keyset pagination):
 * stable while documents are inserted, with no duplicates or gaps.
 */
export function keysetFilter(sort: SortSpec, after: readonly unknown[]): FilterQuery<unknown> {
  const branches = sort.map((_, i) => {
    const branch: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) branch[sort[j]![0]] = after[j];
    const [field, dir] = sort[i]!;
    branch[field] = { [dir === 1 ? '$gt' : '$lt']: after[i] };
    return branch;
  });
  return { $or: branches };
}

export interface PaginateOptions<T> {
  filter: FilterQuery<T>;
  sort: SortSpec;
  first?: number | null;
  after?: string | null;
  projection?: Record<string, 0 | 1>;
}

/**
 * One page of `model` in `sort` order, fetched with one query (+1 row to know if more follow).
 * For a tracked model on a connection with a page cache (cacheListPages), the page's shape
 * and total are kept until the type's lists change, and its documents until they change: a
 * repeat reads the database only for documents changed since (findByIds).
 */
export async function paginate<T>(model: Model<T>, options: PaginateOptions<T>): Promise<Page<T>> {
  const limit = pageSize(options.first);
  const afterValues = options.after ? decodeCursor(options.after, options.sort.length) : null;
  const filter = afterValues
    ? ({ $and: [options.filter, keysetFilter(options.sort, afterValues)] } as FilterQuery<T>)
    : options.filter;
  const read = async (): Promise<{ nodes: T[]; pageInfo: PageInfo }> => {
    const rows =
      limit === 0
        ? []
        : ((await model
            .find(filter, options.projection)
            .sort(sortObject(options.sort))
            .limit(limit + 1)
            .lean()
            .exec()) as T[]);
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1) as Record<string, unknown> | undefined;
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > limit,
        endCursor: last ? encodeCursor(options.sort.map(([field]) => valueAt(last, field))) : null,
      },
    };
  };
  const count = () => model.countDocuments(options.filter).exec();

  const owner = pageCacheOf(model);
  if (!owner) return { ...(await read()), totalCount: count };
  const collection = model.collection.name;
  let fresh: T[] | null = null;
  const shape = await cachedListValue<PageShape>(
    owner,
    ['page', collection, filter, options.sort, limit, options.projection ?? null],
    async () => {
      const page = await read();
      fresh = page.nodes;
      return {
        ids: page.nodes.map((n) => String((n as { _id: unknown })._id)),
        ...page.pageInfo,
      };
    },
  );
  // Kept documents too: findByIds reads only those changed since.
  const nodes: T[] = fresh ?? (await findInOrder(model, shape.ids, options.projection));
  return {
    nodes,
    pageInfo: { hasNextPage: shape.hasNextPage, endCursor: shape.endCursor },
    totalCount: () => cachedListValue(owner, ['count', collection, options.filter], count),
  };
}

export interface FindListOptions<T> {
  filter: FilterQuery<T>;
  sort: SortSpec;
  projection?: Record<string, 0 | 1>;
}

/**
 * Every document matching `filter`, in `sort` order, with one query: for lists that are
 * short by nature (an issue's items, a category's children). For a tracked model on a
 * connection with a page cache, the list's ids are kept until the type's lists change and
 * its documents until they change, as paginate's pages are, so a repeat costs Redis lookups
 * instead of a query that FerretDB answers by decoding the collection.
 */
export async function findList<T>(model: Model<T>, options: FindListOptions<T>): Promise<T[]> {
  const read = async () =>
    (await model
      .find(options.filter, options.projection)
      .sort(sortObject(options.sort))
      .lean()
      .exec()) as T[];
  const owner = pageCacheOf(model);
  if (!owner) return read();
  let fresh: T[] | null = null;
  const ids = await cachedListValue<string[]>(
    owner,
    ['list', model.collection.name, options.filter, options.sort, options.projection ?? null],
    async () => {
      fresh = await read();
      return fresh.map((doc) => String((doc as { _id: unknown })._id));
    },
  );
  return fresh ?? findInOrder(model, ids, options.projection);
}

/** The documents with these ids, in the order of `ids` (missing ones skipped), by findByIds. */
async function findInOrder<T>(
  model: Model<T>,
  ids: readonly string[],
  projection: Record<string, 0 | 1> | undefined,
): Promise<T[]> {
  const docs = await findByIds<T>(model, ids, { projection });
  const byId = new Map(docs.map((d) => [String((d as { _id: unknown })._id), d]));
  return ids.map((id) => byId.get(id)).filter((d): d is Awaited<T> => d !== undefined);
}
