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
// One call decides a batch, in order: KEYS[i] with limit ARGV[2i] and member ARGV[2i+1].
const SCRIPT = `
local window = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {}
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i * 2])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count < limit then
    redis.call('ZADD', key, now, ARGV[i * 2 + 1])
    redis.call('PEXPIRE', key, window)
    out[#out + 1] = 1
    out[#out + 1] = limit - count - 1
    out[#out + 1] = 0
  else
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    out[#out + 1] = 0
    out[#out + 1] = 0
    out[#out + 1] = tonumber(oldest[2]) + window - now
  end
end
return out
`;

type Evaluator = (keyCount: number, ...keysThenArgs: (string | number)[]) => Promise<number[]>;

interface Pending {
  key: string;
  limit: number;
  resolve(decision: RateLimitDecision): void;
  reject(err: unknown): void;
}

/** The most requests one script call decides. */
const MAX_BATCH = 128;

/**
 * Sliding-window rate limiting in Redis. Unlike a fixed window (rate-limiter-flexible's
 * RateLimiterRedis), a client cannot burst twice the limit across a window boundary.
 *
 * Requests that arrive while a call is in flight wait for it and are then decided together
 * in one call, in arrival order: under load a replica makes one round trip per batch instead
 * of one per request (each a socket write here and a script run in Redis), and an idle one
 * adds no delay. The keys of a batch may lie in any slot: one Redis (or Sentinel), not Cluster.
 */
export class SlidingWindowLimiter {
  private readonly evaluate: Evaluator;
  private readonly queue: Pending[] = [];
  private inFlight = false;
  /** Members must be unique across replicas and restarts: a random id and a sequence. */
  private readonly memberPrefix = `${randomUUID()}:`;
  private sequence = 0;

  constructor(
    redis: Redis,
    private readonly options: { prefix: string; windowSeconds: number },
  ) {
    if (!(redis as unknown as Record<string, unknown>).portalSlidingWindowBatch)
      redis.defineCommand('portalSlidingWindowBatch', { lua: SCRIPT });
    const command = (redis as unknown as Record<string, Evaluator>).portalSlidingWindowBatch!;
    this.evaluate = command.bind(redis);
  }

  consume(bucket: string, limit: number): Promise<RateLimitDecision> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key: `${this.options.prefix}${bucket}`, limit, resolve, reject });
      if (!this.inFlight) void this.send();
    });
  }

  private async send(): Promise<void> {
    this.inFlight = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const args: (string | number)[] = batch.map((p) => p.key);
      args.push(this.options.windowSeconds * 1000);
      for (const p of batch) args.push(p.limit, `${this.memberPrefix}${this.sequence++}`);
      try {
        const out = await this.evaluate(batch.length, ...args);
        batch.forEach((p, i) => {
          const allowed = out[i * 3] === 1;
          p.resolve({
            allowed,
            limit: p.limit,
            remaining: out[i * 3 + 1]!,
            retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(out[i * 3 + 2]! / 1000)),
          });
        });
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.inFlight = false;
  }
}
