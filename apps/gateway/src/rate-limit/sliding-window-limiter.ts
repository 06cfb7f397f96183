import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until a request would be allowed again (0 when allowed). */
  retryAfterSeconds: number;
}

// A sliding-window log: one sorted-set member per allowed request, scored by Redis time
// (so every gateway replica shares one clock). Refused requests are not recorded, so a
// client that keeps knocking is let in again as soon as its oldest request leaves the window.
const SCRIPT = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
  return {1, limit - count - 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, 0, tonumber(oldest[2]) + window - now}
`;

type Evaluator = (
  key: string,
  limit: number,
  windowMs: number,
  member: string,
) => Promise<[number, number, number]>;

/**
 * Sliding-window rate limiting in Redis. Unlike a fixed window (rate-limiter-flexible's
 * RateLimiterRedis), a client cannot burst twice the limit across a window boundary.
 */
export class SlidingWindowLimiter {
  private readonly evaluate: Evaluator;

  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; windowSeconds: number },
  ) {
    if (!(redis as unknown as Record<string, unknown>).portalSlidingWindow)
      redis.defineCommand('portalSlidingWindow', { numberOfKeys: 1, lua: SCRIPT });
    const command = (redis as unknown as Record<string, Evaluator>).portalSlidingWindow!;
    this.evaluate = command.bind(redis);
  }

  async consume(bucket: string, limit: number): Promise<RateLimitDecision> {
    const windowMs = this.options.windowSeconds * 1000;
    const [allowed, remaining, retryMs] = await this.evaluate(
      `${this.options.prefix}${bucket}`,
      limit,
      windowMs,
      `${Date.now()}-${randomUUID()}`,
    );
    return {
      allowed: allowed === 1,
      limit,
      remaining,
      retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(retryMs / 1000)),
    };
  }
}
