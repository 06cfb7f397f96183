import type { Redis } from 'ioredis';
import type { Logger } from '@portal/logger';
import {
  followGraphChanges,
  type GraphChange,
  type GraphChangeFollower,
  type Producer,
} from '@portal/queue';
import { INDEXED_TYPES } from '../services/index.service';
import type { SourceType } from '../models/passage.model';

const MAX_IDS_PER_JOB = 500;
/**
 * Changes of whole types (no ids) within one window of stream time share one rebuild, which
 * starts once the window has closed (plus a margin for clocks), so it reads every change of
 * the window. Without it each such change queued a rebuild of its own: a seed or a burst of
 * writes queued hundreds, and the worker rebuilt the whole index for minutes on end.
 */
export const REBUILD_WINDOW_MS = 10_000;
const CLOCK_MARGIN_MS = 1000;

/**
 * Follows the services' graph-change stream (what the gateway purges its cache by) and
 * queues a re-index job for the changed objects of indexed types. The position read last is
 * kept in Redis after the jobs are queued, so a restarted worker catches up on what it
 * missed; job ids come from stream positions, so a replay queues nothing twice.
 */
export function followIndexedChanges(options: {
  redis: Redis;
  stream: string;
  positionKey: string;
  index: Pick<Producer<'assistant-index'>, 'enqueue'>;
  logger: Logger;
}): GraphChangeFollower {
  return followGraphChanges({
    redis: options.redis,
    stream: options.stream,
    positionKey: options.positionKey,
    batchSize: 500,
    logger: options.logger.child({ module: 'graph-changes' }),
    onChanges: (changes, position) => queueRefreshes(changes, position, options.index),
    // Changes were trimmed before they were read: rebuild, as after a change of every type.
    onMissed: async (position) =>
      void (await options.index.enqueue(
        { type: 'rebuild' },
        { jobId: `rebuild-missed-${position}` },
      )),
  });
}

/** Queues the index jobs for one batch of changes read up to stream id `position`. */
export async function queueRefreshes(
  changes: readonly GraphChange[],
  position: string,
  index: Pick<Producer<'assistant-index'>, 'enqueue'>,
  now: () => number = Date.now,
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
  // A stream id is `<milliseconds>-<sequence>` of the Redis server's clock.
  const window = Math.floor(Number(position.split('-')[0]) / REBUILD_WINDOW_MS);
  const closesAt = (window + 1) * REBUILD_WINDOW_MS + CLOCK_MARGIN_MS;
  // Only the types that changed as a whole: a rebuild reads every object of its type.
  for (const type of whole)
    await index.enqueue(
      { type: 'rebuild', source: type },
      { jobId: `rebuild-window-${window}-${type}`, delayMs: closesAt - now() },
    );
}
