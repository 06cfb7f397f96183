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
