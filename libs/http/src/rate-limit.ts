import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, serviceUnavailable } from '@portal/errors';

export interface RateLimitRule {
  /** Redis key prefix naming the rule, e.g. "forum-reply". */
  name: string;
  /** Allowed actions per window. */
  points: number;
  windowSeconds: number;
}

const REDIS_RETRY_AFTER_SECONDS = 5;

/**
 * A Redis-backed limiter; `consume(key)` throws RATE_LIMITED with Retry-After when over, and
 * SERVICE_UNAVAILABLE with Retry-After while Redis cannot be reached.
 */
export function createRateLimiter(redis: Redis, rule: RateLimitRule, prefix = 'portal') {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:rl:${rule.name}`,
    points: rule.points,
    duration: rule.windowSeconds,
    useRedisPackage: false,
  });
  return {
    async consume(key: string, points = 1): Promise<void> {
      try {
        await limiter.consume(key, points);
      } catch (err) {
        if (err instanceof RateLimiterRes)
          throw rateLimited(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
        // Redis is unreachable: the action is refused as retryable, not as an internal error
        // (nor let through unlimited, which an outage would then invite).
        throw serviceUnavailable(REDIS_RETRY_AFTER_SECONDS, undefined, err);
      }
    },
    reset: (key: string) => limiter.delete(key),
  };
}
