import type { Redis } from 'ioredis';
import { createRateLimiter, type RateLimitRule } from './rate-limit';

/** One Redis-backed limiter (see createRateLimiter). */
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * A service's limiters, one per named rule, under the deployment's Redis key prefix:
 * `createRateLimiters(redis, prefix, { votes: { name: 'forum-votes', points: 60, windowSeconds: 60 } })`.
 */
export function createRateLimiters<K extends string>(
  redis: Redis,
  prefix: string,
  rules: Record<K, RateLimitRule>,
): Record<K, RateLimiter> {
  const entries = Object.entries<RateLimitRule>(rules).map(
    ([key, rule]) => [key, createRateLimiter(redis, rule, prefix)] as const,
  );
  return Object.fromEntries(entries) as Record<K, RateLimiter>;
}
