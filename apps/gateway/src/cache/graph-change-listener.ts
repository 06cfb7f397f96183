import type { Redis } from 'ioredis';
import type { Logger } from '@portal/logger';
import { parseGraphChange, type GraphChange } from '@portal/queue';
import type { GatewayMetrics } from '../metrics';
import type { AnswerTag } from './answer-tags';
import type { TaggedAnswerStore } from './tagged-answer-store';

/** The answer tags a change purges (see answer-tags.ts). */
export function tagsOfChange(change: GraphChange): AnswerTag[] {
  const tags: AnswerTag[] = change.ids.map((id) => `e:${id}` as const);
  tags.push(`u:${change.type}`);
  if (change.lists || !change.ids.length) tags.push(`t:${change.type}`);
  return tags;
}

export interface GraphChangeListener {
  /** Resolves once the listener reads the stream (changes after this are seen). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the services' graph-change stream and purges the cached answers each change
 * touches. Every replica follows it (a purge is idempotent); the position read last is kept
 * in Redis so that a restarted gateway first catches up on the changes it missed.
 */
export function listenToGraphChanges(options: {
  redis: Redis;
  stream: string;
  store: TaggedAnswerStore;
  /** Where the last position read is kept, e.g. `portal:gw:rc:stream-pos`. */
  positionKey: string;
  logger: Logger;
  metrics?: GatewayMetrics;
  /** Called after each batch of changes is purged (e.g. to forget in-flight fetches). */
  onChanges?: (changes: GraphChange[]) => void;
}): GraphChangeListener {
  const { store, logger } = options;
  // XREAD BLOCK holds its connection, so it gets its own.
  const reader = options.redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  reader.on('error', (err) =>
    logger.warn({ err: err.message }, 'graph-change reader: redis error'),
  );
  let stopped = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const run = async () => {
    let position = (await reader.get(options.positionKey).catch(() => null)) ?? '$';
    if (position === '$') {
      // Start from the stream's current end, as an explicit id, so no change is skipped between reads.
      const last = (await reader
        .xrevrange(options.stream, '+', '-', 'COUNT', 1)
        .catch(() => [])) as [string, string[]][];
      position = last[0]?.[0] ?? '0-0';
    }
    while (!stopped) {
      try {
        const pending = reader.xread(
          'COUNT',
          200,
          'BLOCK',
          2000,
          'STREAMS',
          options.stream,
          position,
        );
        markReady();
        const batch = (await pending) as [string, [string, string[]][]][] | null;
        if (!batch?.length) continue;
        const entries = batch[0]![1];
        const changes = entries
          .map(([, fields]) => parseGraphChange(fields))
          .filter((c): c is GraphChange => c !== null);
        const tags = [...new Set(changes.flatMap(tagsOfChange))];
        const purged = await store.purge(tags);
        for (const change of changes) options.metrics?.cachePurges.inc({ type: change.type });
        position = entries[entries.length - 1]![0];
        await reader.set(options.positionKey, position, 'EX', 24 * 3600);
        logger.debug({ changes: changes.length, purged }, 'graph changes purged cached answers');
        options.onChanges?.(changes);
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
