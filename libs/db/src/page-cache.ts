import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { mongo, type Connection, type Model } from 'mongoose';
import type { Logger } from '@portal/logger';

const { EJSON } = mongo.BSON;

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

/**
 * Makes every cached page of these types unreachable (their lists changed): the pages of
 * every cache this process keeps for the connection's database, whichever connection wrote.
 */
export async function bumpListVersions(conn: Connection, types: readonly string[]): Promise<void> {
  const targets = cachesByDatabase.get(conn.name);
  if (!targets?.size || !types.length) return;
  await Promise.all(
    [...targets].map(async (cache) => {
      const pipeline = cache.redis.pipeline();
      for (const type of new Set(types)) pipeline.incr(versionKey(cache, type));
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
  const value = await compute();
  if (key)
    cache.redis
      .set(key, JSON.stringify(value), 'EX', cache.ttlSeconds)
      .catch((err) => cache.logger?.warn({ err }, 'list page not cached'));
  return value;
}
