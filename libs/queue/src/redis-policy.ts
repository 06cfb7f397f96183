import type { Redis } from 'ioredis';

/**
 * Refuses a Redis that may evict keys: BullMQ keeps jobs, locks and ids in ordinary keys, so
 * under memory pressure any policy but `noeviction` silently drops queued jobs (BullMQ itself
 * only logs a warning). Reads INFO (CONFIG is often disabled on managed Redis). Waits for the
 * connection like any command on it.
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const info = await redis.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
  if (policy && policy !== 'noeviction')
    throw new Error(
      `Redis maxmemory-policy is ${policy}, but queued jobs need noeviction (with ${policy} Redis may drop jobs under memory pressure): set maxmemory-policy noeviction on the Redis at REDIS_URL`,
    );
}
