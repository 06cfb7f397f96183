import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { cacheListPages, sendGraphChanges } from '@portal/db';
import type { Logger } from '@portal/logger';

/**
 * A change to objects of the graph, which makes the gateway purge the cached answers holding
 * them: `ids` changed (their answers go), and with `lists` (or no ids) the set or order of
 * the type's objects may have changed too (every answer reading the type goes).
 */
export interface GraphChange {
  /** The GraphQL type, e.g. `Article`. */
  type: string;
  ids: string[];
  lists: boolean;
}

/** Changes are kept for replicas that catch up after a restart; older ones are trimmed. */
const STREAM_LENGTH = 10_000;

/** The Redis stream services append their graph changes to (QUEUE_PREFIX-scoped). */
export function graphChangesStream(queuePrefix: string): string {
  return `${queuePrefix}:graph-changes`;
}

/** Appends changes to the stream; one XADD per change, pipelined. */
export async function publishGraphChanges(
  redis: Redis,
  queuePrefix: string,
  changes: readonly GraphChange[],
): Promise<void> {
  if (!changes.length) return;
  const stream = graphChangesStream(queuePrefix);
  const pipeline = redis.pipeline();
  for (const change of changes)
    pipeline.xadd(
      stream,
      'MAXLEN',
      '~',
      String(STREAM_LENGTH),
      '*',
      'type',
      change.type,
      'ids',
      change.ids.join(','),
      'lists',
      change.lists ? '1' : '0',
    );
  const results = await pipeline.exec();
  const failed = results?.find(([err]) => err);
  if (failed) throw failed[0];
}

/** Reads one stream entry's fields back into a change; null when it is not one. */
export function parseGraphChange(fields: readonly string[]): GraphChange | null {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const type = map.get('type');
  if (!type) return null;
  const ids = (map.get('ids') ?? '').split(',').filter(Boolean);
  return { type, ids, lists: map.get('lists') === '1' };
}

/**
 * Wires a service's database connection to the graph: every write of a tracked model
 * (trackGraphChanges) is published for the gateway's cache purge, and the connection's list
 * pages are cached in Redis until their type's lists change (cacheListPages).
 */
export function publishGraphChangesOf(
  conn: Connection,
  redis: Redis,
  queuePrefix: string,
  logger?: Logger,
): void {
  sendGraphChanges(conn, (changes) => publishGraphChanges(redis, queuePrefix, changes), logger);
  cacheListPages(conn, { redis, prefix: `${queuePrefix}:pages:`, logger });
}
