import { Redis, type RedisOptions } from 'ioredis';

/**
 * An ioredis connection. Workers (and anything that blocks) need
 * `maxRetriesPerRequest: null`; producers fail fast instead so a request never hangs
 * on a Redis outage.
 */
export function createRedisConnection(
  url: string,
  role: 'worker' | 'producer' | 'client' = 'client',
  extra: RedisOptions = {},
): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 5000),
    ...extra,
  });
}
