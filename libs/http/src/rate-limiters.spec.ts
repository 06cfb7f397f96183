import { describe, expect, it } from 'vitest';
import { unreachableRedis } from '@portal/testing';
import { createRateLimiters } from './rate-limiters';

describe('createRateLimiters', () => {
  it('makes one limiter per rule, each counting against its own points', async () => {
    // Redis is unreachable: the rules count locally, so the test needs no Redis.
    const redis = await unreachableRedis();
    try {
      const limits = createRateLimiters(redis, 'test', {
        one: { name: 'one', points: 1, windowSeconds: 60, whenRedisDown: 'local' },
        two: { name: 'two', points: 2, windowSeconds: 60, whenRedisDown: 'local' },
      });
      expect(Object.keys(limits)).toEqual(['one', 'two']);
      await limits.one.consume('k');
      await expect(limits.one.consume('k')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      await limits.two.consume('k');
      await limits.two.consume('k');
      await expect(limits.two.consume('k')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      redis.disconnect();
    }
  });
});
