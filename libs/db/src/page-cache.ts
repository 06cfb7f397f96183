import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { mongo, type Connection, type Model } from 'mongoose';
import type { Logger } from '@portal/logger';

const { EJSON, serialize, deserialize } = mongo.BSON;

/**
 * Where a connection keeps the shape of its list pages (which ids, in which order, how
 * many in all), so that a list read again costs lookups by id instead of a query that
 * FerretDB answers by decoding the whole collection. A page is keyed by its query and by
 * its type's list version, which every write that can change the type's lists bumps
 * (trackGraphChanges): a stale page is never read, it simply expires.
 */
export interface PageCache {
  redis: Redis;
  /** e.g. `portal:content:` */
  prefix: string;
  ttlSeconds: number;
  logger?: Logger;
}

const caches = new WeakMap<Connection, PageCache>();
/** Every page cache of this process by database name: a write on any connection to the database bumps them. */
const cachesByDatabase = new Map<string, Set<PageCache>>();
const trackedTypes = new WeakMap<object, string>();
/** Values of cachedListValue being computed in this process, as the text they are kept as, by key. */
const computing = new Map<string, Promise<string>>();

/** Caches the page shapes of every tracked model of `conn` in Redis (see PageCache). */
export function cacheListPages(
  conn: Connection,
  options: Omit<PageCache, 'ttlSeconds'> & { ttlSeconds?: number },
): void {
  const cache = { ttlSeconds: 600, ...options };
  caches.set(conn, cache);
  const same = cachesByDatabase.get(conn.name) ?? new Set<PageCache>();
  same.add(cache);
  cachesByDatabase.set(conn.name, same);
}

/** Called by trackGraphChanges: the model's documents are this graph type. */
export function registerTrackedType(schema: object, type: string): void {
  trackedTypes.set(schema, type);
}

/** The page cache and list type of a model, when both exist. */
export function pageCacheOf(model: Model<any>): { cache: PageCache; type: string } | null {
  const cache = caches.get(model.db);
  const type = trackedTypes.get(model.schema);
  return cache && type ? { cache, type } : null;
}

function versionKey(cache: PageCache, type: string): string {
  return `${cache.prefix}list-version:${type}`;
}

function documentVersionKey(cache: PageCache, type: string, id: string): string {
  return `${cache.prefix}doc-version:${type}:${id}`;
}

/** What a tracked write changed (TrackedChange of graph-changes.ts). */
interface ChangedObjects {
  type: string;
  ids: readonly string[];
  lists: boolean;
}

/**
 * Makes the cached values a write changed unreachable, in every cache this process keeps for
 * the connection's database, whichever connection wrote: every page and every kept document
 * of a type whose lists changed (its list version), else the kept documents of the objects
 * that changed (their document versions).
 */
export async function bumpVersions(
  conn: Connection,
  changes: readonly ChangedObjects[],
): Promise<void> {
  const targets = cachesByDatabase.get(conn.name);
  if (!targets?.size || !changes.length) return;
  const listTypes = new Set(changes.filter((c) => c.lists).map((c) => c.type));
  const objects = new Map<string, { type: string; id: string }>();
  for (const change of changes)
    if (!listTypes.has(change.type))
      for (const id of change.ids) objects.set(`${change.type}\n${id}`, { type: change.type, id });
  await Promise.all(
    [...targets].map(async (cache) => {
      const pipeline = cache.redis.pipeline();
      for (const type of listTypes) pipeline.incr(versionKey(cache, type));
      for (const { type, id } of objects.values()) {
        const key = documentVersionKey(cache, type, id);
        pipeline.incr(key);
        // Outlives every document kept under its older values (they live ttlSeconds), so it
        // can never fall back to a value a stale document is still kept under.
        pipeline.expire(key, 2 * cache.ttlSeconds);
      }
      const results = await pipeline.exec();
      const failed = results?.find(([err]) => err);
      if (failed) throw failed[0];
    }),
  );
}

export interface PageShape {
  ids: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * The documents with these ids of a tracked collection (in the order of `ids`, missing ones
 * skipped), as kept in Redis, reading only those not kept with `read` and keeping them.
 *
 * A kept document is keyed by its type's list version and its own document version, both
 * read before the database is: a tracked write bumps one of them once it is done (see
 * bumpVersions), so a document read before a write can only be kept under a key no later
 * read asks for. Writes that bypass the models (the raw driver) are not seen here, as they
 * are not by the pages' shapes or the gateway's cache. Redis trouble only costs the cache.
 */
export async function cachedDocuments<T>(
  owner: { cache: PageCache; type: string },
  place: { collection: string; projection?: Record<string, 0 | 1> | null },
  ids: readonly string[],
  read: (ids: string[]) => Promise<T[]>,
): Promise<T[]> {
  const { cache, type } = owner;
  if (ids.length === 0) return [];
  const found = new Map<string, T>();
  let keys: string[] | null = null;
  try {
    const [listVersion, ...versions] = await cache.redis.mget(
      versionKey(cache, type),
      ...ids.map((id) => documentVersionKey(cache, type, id)),
    );
    const shape = place.projection
      ? createHash('sha256').update(JSON.stringify(place.projection)).digest('base64url')
      : 'whole';
    keys = ids.map(
      (id, i) =>
        `${cache.prefix}doc:${place.collection}:${shape}:${listVersion ?? '0'}:${versions[i] ?? '0'}:${id}`,
    );
    // As BSON, as the driver reads them: EJSON's text took a fifth of a list read's CPU.
    const kept = await cache.redis.mgetBuffer(...keys);
    kept.forEach((bytes, i) => {
      if (bytes !== null) found.set(ids[i]!, deserialize(bytes) as T);
    });
  } catch (err) {
    keys = null;
    cache.logger?.warn({ err }, 'document cache unavailable; reading the database');
  }
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    const keyOf = new Map(keys ? ids.map((id, i) => [id, keys![i]!]) : []);
    const pipeline = cache.redis.pipeline();
    for (const doc of await read(missing)) {
      const id = String((doc as { _id: unknown })._id);
      found.set(id, doc);
      const key = keyOf.get(id);
      if (key)
        pipeline.set(
          key,
          Buffer.from(serialize(doc as Record<string, unknown>)),
          'EX',
          cache.ttlSeconds,
        );
    }
    if (keyOf.size)
      pipeline.exec().catch((err) => cache.logger?.warn({ err }, 'documents not kept'));
  }
  return ids.map((id) => found.get(id)).filter((d): d is Awaited<T> => d !== undefined);
}

/**
 * Reads a cached value of the type's current list version, or computes and stores it.
 * Redis trouble only costs the cache: the value is then computed.
 */
export async function cachedListValue<T>(
  owner: { cache: PageCache; type: string },
  parts: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const { cache, type } = owner;
  let key: string | null = null;
  try {
    const version = (await cache.redis.get(versionKey(cache, type))) ?? '0';
    const hash = createHash('sha256')
      .update(EJSON.stringify(parts, { relaxed: false }))
      .digest('base64url');
    key = `${cache.prefix}page:${type}:${version}:${hash}`;
    const hit = await cache.redis.get(key);
    if (hit !== null) return JSON.parse(hit) as T;
  } catch (err) {
    cache.logger?.warn({ err }, 'list page cache unavailable; reading the database');
  }
  if (!key) return compute();
  // Readers that miss the same value at once wait for one computation (after a list changes,
  // every reader of a busy list misses it together: each would run the same slow query).
  const running = computing.get(key);
  if (running) return JSON.parse(await running) as T;
  const value = compute();
  const kept = key;
  const text = value.then((v) => JSON.stringify(v));
  computing.set(kept, text);
  text.then(
    (t) => {
      computing.delete(kept);
      cache.redis
        .set(kept, t, 'EX', cache.ttlSeconds)
        .catch((err) => cache.logger?.warn({ err }, 'list page not cached'));
    },
    () => computing.delete(kept), // the caller gets the failure
  );
  return value;
}
