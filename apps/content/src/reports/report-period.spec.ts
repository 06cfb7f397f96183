import { describe, expect, it } from 'vitest';
import { monthBefore, monthOf, monthPeriod } from './report-period';

describe('report months (city time, UTC+7)', () => {
  it('reports on the month that just ended when the month-end job runs', () => {
    // 00:05 on 1 December in the city is 17:05 UTC on 30 November.
    expect(monthBefore(new Date('2025-11-30T17:05:00Z'))).toBe('2025-11');
    expect(monthBefore(new Date('2026-01-01T00:05:00+07:00'))).toBe('2025-12');
    expect(monthOf(new Date('2025-11-30T16:59:59Z'))).toBe('2025-11');
    expect(monthOf(new Date('2025-11-30T17:00:00Z'))).toBe('2025-12');
  });

  it('gives a month as the instants it starts and ends', () => {
    expect(monthPeriod('2025-12')).toEqual({
      from: new Date('2025-11-30T17:00:00Z'),
      to: new Date('2025-12-31T17:00:00Z'),
    });
    expect(monthPeriod('2024-02').to).toEqual(new Date('2024-02-29T17:00:00Z'));
  });
});
