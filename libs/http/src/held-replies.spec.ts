import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeldReplies } from './held-replies';

afterEach(() => void vi.useRealTimers());

describe('HeldReplies', () => {
  it('answers after the delay, to a client that is still there, and never after clear', () => {
    vi.useFakeTimers();
    const held = new HeldReplies();
    const answered: string[] = [];
    const gone = { destroyed: false };
    held.later({ destroyed: false }, 1000, () => answered.push('waiting'));
    held.later(gone, 1000, () => answered.push('gone'));
    held.later({ destroyed: false }, 5000, () => answered.push('cleared'));
    gone.destroyed = true;
    vi.advanceTimersByTime(999);
    expect(answered).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(answered).toEqual(['waiting']);
    held.clear();
    vi.advanceTimersByTime(10_000);
    expect(answered).toEqual(['waiting']);
  });
});
