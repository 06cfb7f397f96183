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

/** Orders two stream ids (`<ms>-<seq>`). */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

/**
 * Whether the stream dropped entries after `position` (trimming drops the oldest first). The
 * entry at `position` is the last one read: if the stream no longer holds it, what followed
 * it may be gone too, and the answer is yes (at worst a reader that was exactly the stream's
 * length behind acts on changes it did not miss). From the start (`0-0`), yes when the stream
 * has dropped anything at all. No when the stream does not exist or Redis does not say.
 */
async function droppedSince(redis: Redis, stream: string, position: string): Promise<boolean> {
  const info = (await redis.xinfo('STREAM', stream).catch(() => null)) as unknown[] | null;
  if (!info) return false;
  const field = (name: string) => {
    const at = info.indexOf(name);
    return at < 0 ? undefined : info[at + 1];
  };
  if (position === '0-0') {
    const added = Number(field('entries-added') ?? 0);
    return added > Number(field('length') ?? 0);
  }
  const first = field('first-entry') as [string, unknown] | null | undefined;
  return !!first && compareStreamIds(first[0], position) > 0;
}

export interface GraphChangeFollower {
  /** Resolves once the follower reads the stream (changes after this are seen). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the graph-change stream from where this follower last stopped (its position is
 * kept in Redis under `positionKey`, after `onChanges` has handled a batch, so a restarted
 * process first catches up on what it missed), or from the stream's current end the first
 * time. A failing batch is read again after a second; nothing is skipped.
 */
export function followGraphChanges(options: {
  redis: Redis;
  stream: string;
  positionKey: string;
  /** How long the position is kept when nothing reads (default: for good). */
  positionTtlSeconds?: number;
  batchSize?: number;
  logger: Logger;
  /** Handles one batch; `position` is the last entry's stream id (for idempotent job ids). */
  onChanges: (changes: GraphChange[], position: string) => Promise<void>;
  /**
   * Called after every read of the stream that went through, changes handled (at least every
   * two seconds while Redis answers): a caller that must know it is not missing changes
   * (a cache purged by them) trusts itself for a few seconds after each call.
   */
  onRead?: () => void;
  /**
   * Called, before reading on, when changes after the follower's position were trimmed from
   * the stream before it read them (it was stopped, or fell behind by more than the stream
   * keeps): anything may have changed, and the caller must act as if everything had.
   */
  onMissed: (position: string) => Promise<void>;
}): GraphChangeFollower {
  const { logger } = options;
  // XREAD BLOCK holds its connection, so it gets its own.
  const reader = options.redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  reader.on('error', (err) =>
    logger.warn({ err: err.message }, 'graph-change reader: redis error'),
  );
  let stopped = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const keep = (position: string) =>
    options.positionTtlSeconds
      ? reader.set(options.positionKey, position, 'EX', options.positionTtlSeconds)
      : reader.set(options.positionKey, position);

  const run = async () => {
    const kept = await reader.get(options.positionKey).catch(() => undefined);
    let position = kept ?? null;
    let reached = kept !== undefined;
    if (!position) {
      // The stream's current end, as an explicit id, so no change is skipped between reads.
      const last = (await reader
        .xrevrange(options.stream, '+', '-', 'COUNT', 1)
        .catch(() => undefined)) as [string, string[]][] | undefined;
      reached &&= last !== undefined;
      position = last?.[0]?.[0] ?? '0-0';
    }
    // Every change from here on is read next: as good as a read.
    if (reached) options.onRead?.();
    let reported: string | null = null;
    while (!stopped) {
      try {
        // Sent together: what the stream has dropped is known just before the read.
        const dropped = droppedSince(reader, options.stream, position);
        const pending = reader.xread(
          'COUNT',
          options.batchSize ?? 200,
          'BLOCK',
          2000,
          'STREAMS',
          options.stream,
          position,
        );
        markReady();
        const [missed, read] = await Promise.all([dropped, pending]);
        if (missed && reported !== position) {
          logger.warn({ position }, 'graph changes missed: dropped from the stream before read');
          await options.onMissed(position);
          reported = position;
        }
        const batch = read as [string, [string, string[]][]][] | null;
        if (!batch?.length) {
          options.onRead?.();
          continue;
        }
        const entries = batch[0]![1];
        const changes = entries
          .map(([, fields]) => parseGraphChange(fields))
          .filter((c): c is GraphChange => c !== null);
        const last = entries[entries.length - 1]![0];
        await options.onChanges(changes, last);
        position = last;
        options.onRead?.();
        await keep(position);
      } catch (err) {
        if (stopped) break;
        logger.warn({ err }, 'graph-change reader failed; retrying');
        await new Promise((r) => setTimeout(r, 1000).unref());
      }
    }
  };
  const loop = run().catch((err) => logger.error({ err }, 'graph-change reader stopped'));
  return {
    ready,
    async stop() {
      stopped = true;
      markReady();
      reader.disconnect();
      await loop;
    },
  };
}
