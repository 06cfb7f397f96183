import { describe, expect, it } from 'vitest';
import { isLastAttempt, nextAttempt } from './attempt-rules';

const now = new Date('2025-03-01T00:00:00Z');
const later = new Date('2025-03-01T00:01:00Z');
const earlier = new Date('2025-02-28T23:59:00Z');

describe('nextAttempt', () => {
  it('claims attempt 1 for a fresh delivery', () => {
    expect(nextAttempt(null, now)).toEqual({ action: 'claim', n: 1, recovered: false });
  });

  it('claims the next attempt after a finished one', () => {
    for (const outcome of ['failed', 'sent', 'skipped'])
      expect(nextAttempt({ n: 3, outcome, expiresAt: later }, now)).toEqual({
        action: 'claim',
        n: 4,
        recovered: false,
      });
  });

  it('waits for an unfinished attempt that a live worker may still be making', () => {
    expect(nextAttempt({ n: 2, outcome: null, expiresAt: later }, now)).toEqual({
      action: 'wait',
      until: later,
    });
  });

  it('takes over an abandoned attempt once it expires, and says so', () => {
    expect(nextAttempt({ n: 2, outcome: null, expiresAt: earlier }, now)).toEqual({
      action: 'claim',
      n: 3,
      recovered: true,
    });
  });
});

describe('isLastAttempt', () => {
  it('counts the attempt now running', () => {
    expect(isLastAttempt(0, 3)).toBe(false);
    expect(isLastAttempt(1, 3)).toBe(false);
    expect(isLastAttempt(2, 3)).toBe(true);
    expect(isLastAttempt(0, undefined)).toBe(true);
  });
});
