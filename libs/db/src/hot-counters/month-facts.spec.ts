import { describe, expect, it } from 'vitest';
import { cityMonth, monthsBetween } from './month-facts';

describe('month facts: months', () => {
  it('puts an instant in its city month (UTC+7)', () => {
    expect(cityMonth(new Date('2025-11-30T16:59:59.999Z'))).toBe('2025-11');
    expect(cityMonth(new Date('2025-11-30T17:00:00.000Z'))).toBe('2025-12');
  });

  it('lists the months between two, across a year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
  });
});
