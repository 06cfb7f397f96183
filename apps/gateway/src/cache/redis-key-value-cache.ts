import type { Redis } from 'ioredis';
import type { Logger } from '@portal/logger';

/**
 * Apollo's KeyValueCache on Redis, for automatic persisted queries and the response
 * cache. A cache must never fail a request: when Redis is unreachable reads miss and
 * writes are dropped, with a warning.
 */
export class RedisKeyValueCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    /** Redis runs with `noeviction` (BullMQ needs it), so every entry must expire. */
    private readonly defaultTtlSeconds = 3600,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (err) {
      this.logger.warn({ err, cache: this.prefix }, 'cache read failed; treating as a miss');
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl && options.ttl > 0 ? options.ttl : this.defaultTtlSeconds;
    try {
      await this.redis.set(this.prefix + key, value, 'EX', Math.ceil(ttl));
    } catch (err) {
      this.logger.warn({ err, cache: this.prefix }, 'cache write failed');
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch (err) {
      this.logger.warn({ err, cache: this.prefix }, 'cache delete failed');
      return false;
    }
  }
}
