import { describe, expect, it } from 'vitest';
import { afterTakenAttempt, isLastAttempt } from './attempt-rules';

const now = new Date('2025-03-01T00:00:00Z');
const later = new Date('2025-03-01T00:01:00Z');
const earlier = new Date('2025-02-28T23:59:00Z');

describe('afterTakenAttempt', () => {
  it('waits for an unfinished attempt that a live worker may still be making', () => {
    expect(afterTakenAttempt({ outcome: null, expiresAt: later }, now)).toEqual({
      action: 'wait',
      until: later,
    });
  });

  it('takes over an abandoned attempt once it expires, and says so', () => {
    expect(afterTakenAttempt({ outcome: null, expiresAt: earlier }, now)).toEqual({
      action: 'next',
      recovered: true,
    });
  });

  it('moves past a failed or already taken-over attempt', () => {
    for (const outcome of ['failed', 'abandoned'])
      expect(afterTakenAttempt({ outcome, expiresAt: later }, now)).toEqual({
        action: 'next',
        recovered: false,
      });
  });

  it('stops at an attempt that settled the delivery: a recorded success is never repeated', () => {
    expect(afterTakenAttempt({ outcome: 'sent', expiresAt: earlier }, now)).toEqual({
      action: 'settled',
      outcome: 'sent',
    });
    expect(afterTakenAttempt({ outcome: 'skipped', expiresAt: later }, now)).toEqual({
      action: 'settled',
      outcome: 'skipped',
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
