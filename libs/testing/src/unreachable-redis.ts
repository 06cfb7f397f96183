import { Redis } from 'ioredis';
import { freePort } from '@portal/local-services';

/**
 * A Redis client pointed where nothing listens: every command fails at once, as on the
 * services' fail-fast connections while Redis is away. Its errors are swallowed; disconnect it.
 */
export async function unreachableRedis(): Promise<Redis> {
  const redis = new Redis(`redis://127.0.0.1:${await freePort()}`, {
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  redis.on('error', () => {});
  return redis;
}
