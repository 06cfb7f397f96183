import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, serviceUnavailable } from '@portal/errors';

export interface RateLimitRule {
  /** Redis key prefix naming the rule, e.g. "forum-reply". */
  name: string;
  /** Allowed actions per window. */
  points: number;
  windowSeconds: number;
  /**
   * While Redis cannot be reached: `refuse` (default) answers SERVICE_UNAVAILABLE; `local`
   * counts in this process's memory instead, for actions that must not be lost to an outage
   * (citizens' feedback): still limited, per process rather than across replicas.
   */
  whenRedisDown?: 'refuse' | 'local';
}

const REDIS_RETRY_AFTER_SECONDS = 5;

/**
 * A Redis-backed limiter; `consume(key)` throws RATE_LIMITED with Retry-After when over, and
 * SERVICE_UNAVAILABLE with Retry-After while Redis cannot be reached (unless the rule counts
 * locally then: `whenRedisDown: 'local'`).
 */
export function createRateLimiter(redis: Redis, rule: RateLimitRule, prefix = 'portal') {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:rl:${rule.name}`,
    points: rule.points,
    duration: rule.windowSeconds,
    useRedisPackage: false,
    ...(rule.whenRedisDown === 'local'
      ? {
          insuranceLimiter: new RateLimiterMemory({
            keyPrefix: `${prefix}:rl:${rule.name}`,
            points: rule.points,
            duration: rule.windowSeconds,
          }),
        }
      : {}),
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
