import type { Redis } from 'ioredis';
import type { Logger } from '@portal/logger';
import { parseGraphChange, type GraphChange, type Producer } from '@portal/queue';
import { INDEXED_TYPES } from '../services/index-service';
import type { SourceType } from '../models/passage.model';

export interface GraphChangeFollower {
  /** Resolves once the follower reads the stream (changes after this are seen). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

const MAX_IDS_PER_JOB = 500;

/**
 * Follows the services' graph-change stream (what the gateway purges its cache by) and
 * queues a re-index job for the changed objects of indexed types. The position read last is
 * kept in Redis after the jobs are queued, so a restarted worker catches up on what it
 * missed; job ids come from stream positions, so a replay queues nothing twice.
 */
export function followGraphChanges(options: {
  redis: Redis;
  stream: string;
  positionKey: string;
  index: Pick<Producer<'assistant-index'>, 'enqueue'>;
  logger: Logger;
}): GraphChangeFollower {
  const log = options.logger.child({ module: 'graph-changes' });
  const reader = options.redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  reader.on('error', (err) => log.warn({ err: err.message }, 'graph-change reader: redis error'));
  let stopped = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const run = async () => {
    let position = (await reader.get(options.positionKey).catch(() => null)) ?? null;
    if (!position) {
      const last = (await reader
        .xrevrange(options.stream, '+', '-', 'COUNT', 1)
        .catch(() => [])) as [string, string[]][];
      position = last[0]?.[0] ?? '0-0';
    }
    while (!stopped) {
      try {
        const pending = reader.xread(
          'COUNT',
          500,
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
        const last = entries[entries.length - 1]![0];
        await queueRefreshes(changes, last, options.index);
        position = last;
        await reader.set(options.positionKey, position);
      } catch (err) {
        if (stopped) break;
        log.warn({ err }, 'graph-change follower failed; retrying');
        await new Promise((r) => setTimeout(r, 1000).unref());
      }
    }
  };
  const loop = run().catch((err) => log.error({ err }, 'graph-change follower stopped'));
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

async function queueRefreshes(
  changes: readonly GraphChange[],
  position: string,
  index: Pick<Producer<'assistant-index'>, 'enqueue'>,
): Promise<void> {
  const ids = new Map<SourceType, Set<string>>();
  const whole = new Set<SourceType>();
  for (const change of changes) {
    const type = change.type as SourceType;
    if (!INDEXED_TYPES.includes(type)) continue;
    // The assistant's own datasets are re-indexed as they are written.
    if (type === 'Dataset') continue;
    if (!change.ids.length) whole.add(type);
    else
      for (const id of change.ids) (ids.get(type) ?? ids.set(type, new Set()).get(type)!).add(id);
  }
  for (const [type, set] of ids) {
    const list = [...set];
    for (let i = 0; i < list.length; i += MAX_IDS_PER_JOB)
      await index.enqueue(
        { type: 'refresh', source: type, ids: list.slice(i, i + MAX_IDS_PER_JOB) },
        { jobId: `refresh-${type}-${position}-${i}` },
      );
  }
  if (whole.size) await index.enqueue({ type: 'rebuild' }, { jobId: `rebuild-${position}` });
}
