import { describe, expect, it } from 'vitest';
import { dayKey, dayStart, statsRange } from './view-periods';

describe('city days', () => {
  it('counts a day from midnight in Ho Chi Minh City (UTC+7)', () => {
    expect(dayKey(new Date('2025-10-31T16:59:59Z'))).toBe('2025-10-31');
    expect(dayKey(new Date('2025-10-31T17:00:00Z'))).toBe('2025-11-01');
    expect(dayStart('2025-11-01').toISOString()).toBe('2025-10-31T17:00:00.000Z');
  });
});

describe('statsRange', () => {
  it('reads whole months from month documents and the rest from day documents', () => {
    const r = statsRange(
      new Date('2025-01-30T00:00:00+07:00'),
      new Date('2025-04-03T00:00:00+07:00'),
    );
    expect(r.monthIds).toEqual(['M2025-02', 'M2025-03']);
    expect(r.dayIds).toEqual(['D2025-01-30', 'D2025-01-31', 'D2025-04-01', 'D2025-04-02']);
    expect(r.minusDayIds).toEqual([]);
  });

  it('reads a mostly covered month as its document less the days outside the period', () => {
    // A rolling year: two days of last November, then the months up to this November 28.
    const r = statsRange(
      new Date('2025-11-29T00:00:00+07:00'),
      new Date('2026-11-29T00:00:00+07:00'),
    );
    expect(r.dayIds).toEqual(['D2025-11-29', 'D2025-11-30']);
    expect(r.monthIds).toHaveLength(12);
    expect(r.monthIds.at(-1)).toBe('M2026-11');
    expect(r.minusDayIds).toEqual(['D2026-11-29', 'D2026-11-30']);
    // The same in the middle of a month: 16 of 31 days covered is the month less 15 days.
    const mid = statsRange(
      new Date('2025-10-16T00:00:00+07:00'),
      new Date('2025-11-01T00:00:00+07:00'),
    );
    expect(mid).toMatchObject({ monthIds: ['M2025-10'], dayIds: [] });
    expect(mid.minusDayIds).toHaveLength(15);
    expect(mid.minusDayIds[0]).toBe('D2025-10-01');
    // Half or less of a month is read as days.
    const half = statsRange(
      new Date('2025-09-16T00:00:00+07:00'),
      new Date('2025-10-01T00:00:00+07:00'),
    );
    expect(half).toMatchObject({ monthIds: [], minusDayIds: [] });
    expect(half.dayIds).toHaveLength(15);
  });

  it('covers a calendar year with twelve documents', () => {
    const r = statsRange(
      new Date('2025-01-01T00:00:00+07:00'),
      new Date('2026-01-01T00:00:00+07:00'),
    );
    expect(r.monthIds).toHaveLength(12);
    expect(r.dayIds).toEqual([]);
  });

  it('takes a leap February whole', () => {
    const r = statsRange(
      new Date('2024-02-01T00:00:00+07:00'),
      new Date('2024-03-01T00:00:00+07:00'),
    );
    expect(r).toMatchObject({ monthIds: ['M2024-02'], dayIds: [], lastDay: '2024-02-29' });
  });

  it('refuses reversed and overlong periods', () => {
    expect(() => statsRange(new Date('2025-02-01Z'), new Date('2025-01-01Z'))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => statsRange(new Date('2015-01-01Z'), new Date('2025-01-01Z'))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
