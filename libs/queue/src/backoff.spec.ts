import type { MinimalJob } from 'bullmq';
import { describe, expect, it } from 'vitest';
import {
  CAPPED_EXPONENTIAL,
  backoffStrategy,
  cappedBackoff,
  cappedBackoffDelay,
  retryAfterMsOf,
} from './backoff';

const retryAfter = (ms: unknown) => Object.assign(new Error('429'), { retryAfterMs: ms });

describe('cappedBackoffDelay', () => {
  const policy = cappedBackoff(1000, 10_000, 0.2);

  it('doubles from the first delay, up to the cap, never past it', () => {
    const top = () => 0; // no jitter drawn
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => cappedBackoffDelay(n, policy, null, top))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('takes up to the jitter share off, at random, and stays under the cap', () => {
    expect(cappedBackoffDelay(1, policy, null, () => 0.5)).toBe(900);
    expect(cappedBackoffDelay(1, policy, null, () => 0.999_999)).toBe(800);
    for (let n = 1; n <= 30; n++) {
      const d = cappedBackoffDelay(n, policy);
      expect(d).toBeLessThanOrEqual(10_000);
      expect(d).toBeGreaterThanOrEqual(Math.min(1000 * 2 ** (n - 1), 10_000) * 0.8);
    }
  });

  it('waits at least what the failure asked for, but not past the cap', () => {
    expect(cappedBackoffDelay(1, policy, retryAfter(3000), () => 0)).toBe(3000);
    expect(cappedBackoffDelay(4, policy, retryAfter(3000), () => 0)).toBe(8000);
    expect(cappedBackoffDelay(1, policy, retryAfter(60_000), () => 0)).toBe(10_000);
    // Nonsense is ignored.
    expect(cappedBackoffDelay(1, policy, retryAfter(-5), () => 0)).toBe(1000);
    expect(cappedBackoffDelay(1, policy, retryAfter('5000'), () => 0)).toBe(1000);
    expect(cappedBackoffDelay(1, policy, retryAfter(Number.NaN), () => 0)).toBe(1000);
  });

  it('never caps below the first delay, and keeps the jitter within 0–1', () => {
    expect(cappedBackoff(5000, 1000, 3)).toEqual({
      type: CAPPED_EXPONENTIAL,
      delay: 5000,
      maxDelay: 5000,
      jitter: 1,
    });
  });
});

describe('retryAfterMsOf', () => {
  it('reads a finite, non-negative retryAfterMs, or nothing', () => {
    expect(retryAfterMsOf(retryAfter(1500))).toBe(1500);
    expect(retryAfterMsOf(retryAfter(null))).toBeNull();
    expect(retryAfterMsOf(new Error('plain'))).toBeNull();
    expect(retryAfterMsOf(null)).toBeNull();
  });
});

describe('backoffStrategy (the workers’ settings.backoffStrategy)', () => {
  it('follows the job’s capped backoff, and refuses a type it does not know', () => {
    const job = { opts: { backoff: cappedBackoff(100, 250, 0) } } as unknown as MinimalJob;
    expect(backoffStrategy(1, CAPPED_EXPONENTIAL, new Error('x'), job)).toBe(100);
    expect(backoffStrategy(3, CAPPED_EXPONENTIAL, new Error('x'), job)).toBe(250);
    expect(backoffStrategy(1, CAPPED_EXPONENTIAL, retryAfter(200), job)).toBe(200);
    expect(() => backoffStrategy(1, 'linear', new Error('x'), job)).toThrow(/unknown backoff/);
  });
});
