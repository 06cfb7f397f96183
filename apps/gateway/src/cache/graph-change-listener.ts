import type { Redis } from 'ioredis';
import type { Logger } from '@portal/logger';
import { followGraphChanges, type GraphChange, type GraphChangeFollower } from '@portal/queue';
import type { GatewayMetrics } from '../metrics';
import { ALL_ANSWERS, type AnswerTag } from './answer-tags';
import type { TaggedAnswerStore } from './tagged-answer-store';

/** The answer tags a change purges (see answer-tags.ts). */
export function tagsOfChange(change: GraphChange): AnswerTag[] {
  const tags: AnswerTag[] = change.ids.map((id) => `e:${id}` as const);
  tags.push(`u:${change.type}`);
  if (change.lists || !change.ids.length) tags.push(`t:${change.type}`);
  return tags;
}

export type GraphChangeListener = GraphChangeFollower;

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
  /**
   * Called after each batch of changes is purged from Redis, with the tags it purged (e.g. to
   * forget in-flight fetches, and the same answers in the replica's first level).
   */
  onChanges?: (changes: GraphChange[], tags: AnswerTag[]) => void;
  /** Called after every read of the stream that went through (see followGraphChanges). */
  onRead?: () => void;
}): GraphChangeListener {
  const { store, logger } = options;
  return followGraphChanges({
    redis: options.redis,
    stream: options.stream,
    positionKey: options.positionKey,
    positionTtlSeconds: 24 * 3600,
    logger,
    onChanges: async (changes) => {
      const tags = [...new Set(changes.flatMap(tagsOfChange))];
      const purged = await store.purge(tags);
      for (const change of changes) options.metrics?.cachePurges.inc({ type: change.type });
      logger.debug({ changes: changes.length, purged }, 'graph changes purged cached answers');
      options.onChanges?.(changes, tags);
    },
    // Changes were trimmed before this replica read them: no cached answer can be trusted.
    onMissed: async () => {
      const purged = await store.purge([ALL_ANSWERS]);
      options.metrics?.cachePurges.inc({ type: ALL_ANSWERS });
      logger.warn({ purged }, 'graph changes missed: every cached answer purged');
      options.onChanges?.([], [ALL_ANSWERS]);
    },
    onRead: options.onRead,
  });
}
