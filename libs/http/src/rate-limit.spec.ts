import { describe, expect, it } from 'vitest';
import { unreachableRedis } from '@portal/testing';
import { createRateLimiter } from './rate-limit';

describe('rate limits while Redis is unreachable', () => {
  it('refuse as retryable by default, or count in memory when the rule says local', async () => {
    const redis = await unreachableRedis();
    try {
      const refusing = createRateLimiter(redis, { name: 'r', points: 2, windowSeconds: 60 });
      await expect(refusing.consume('k')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      const local = createRateLimiter(redis, {
        name: 'l',
        points: 2,
        windowSeconds: 60,
        whenRedisDown: 'local',
      });
      await local.consume('k');
      await local.consume('k');
      await expect(local.consume('k')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      redis.disconnect();
    }
  });
});
