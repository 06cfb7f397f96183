import { describe, expect, it } from 'vitest';
import { rateLimitBucket, type RateLimits } from './rate-limit-policy';

const limits: RateLimits = {
  windowSeconds: 60,
  anonymous: 300,
  person: 600,
  tiers: { standard: 1200, premium: 6000 },
  defaultTier: 'standard',
};

describe('rate limit buckets', () => {
  it('counts anonymous callers per address, people per user, partners per key at their tier', () => {
    expect(rateLimitBucket({ kind: 'anonymous', ip: '203.0.113.9' }, limits)).toEqual({
      key: 'ip:203.0.113.9',
      limit: 300,
      kind: 'anonymous',
    });
    expect(rateLimitBucket({ kind: 'person', userId: 'u1' }, limits)).toEqual({
      key: 'user:u1',
      limit: 600,
      kind: 'person',
    });
    expect(rateLimitBucket({ kind: 'partner', keyId: 'k1', tier: 'premium' }, limits)).toEqual({
      key: 'key:k1',
      limit: 6000,
      kind: 'partner',
    });
  });

  it('gives a key whose tier was removed from the configuration the default tier', () => {
    expect(rateLimitBucket({ kind: 'partner', keyId: 'k2', tier: 'gold' }, limits).limit).toBe(
      1200,
    );
  });
});
