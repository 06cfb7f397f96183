import { describe, expect, it } from 'vitest';
import { addCounts, aggregateBatch, counterField, pendingTotalField } from './hot-counter-batch';
import { mergePackedCounts } from './packed-counts';
import { unionCover, statBuckets } from './stat-periods';

const COUNTERS = ['desktop', 'mobile', 'tablet'];

describe('aggregateBatch', () => {
  it('folds hash fields into buckets, day, month and year periods and totals', () => {
    const delta = aggregateBatch(
      {
        [counterField('2025-11-01', 'a1', 'total')]: '4',
        [counterField('2025-11-01', 'a1', 'mobile')]: '3',
        [counterField('2025-11-01', 'a1', 'desktop')]: '1',
        [counterField('2025-11-02', 'a1', 'total')]: '2',
        [counterField('2025-11-02', 'a1', 'tablet')]: '2',
        // A field of the older format stands for total and its device.
        [counterField('2025-11-02', 'b2', 'MOBILE')]: '5',
        [pendingTotalField('a1')]: '6',
        'garbage|field': '9',
        [counterField('2025-11-02', 'b2', 'fridge')]: '9',
      },
      COUNTERS,
      { MOBILE: ['total', 'mobile'] },
    );
    expect(delta.buckets.get('a1|2025-11-01')).toEqual({
      subjectId: 'a1',
      day: '2025-11-01',
      counts: { total: 4, desktop: 1, mobile: 3, tablet: 0 },
    });
    expect(delta.periods.get('D2025-11-02')).toEqual({
      counts: { total: 7, desktop: 0, mobile: 5, tablet: 2 },
      subjects: new Map([
        ['a1', 2],
        ['b2', 5],
      ]),
      days: new Map(),
    });
    for (const id of ['M2025-11', 'Y2025'])
      expect(delta.periods.get(id)).toMatchObject({
        counts: { total: 11, desktop: 1, mobile: 8, tablet: 2 },
        subjects: new Map([
          ['a1', 6],
          ['b2', 5],
        ]),
      });
    // A month also counts its events per day of the month, for series by day or week.
    expect(delta.periods.get('M2025-11')!.days).toEqual(
      new Map([
        ['01', 4],
        ['02', 7],
      ]),
    );
    expect(delta.periods.get('Y2025')!.days).toEqual(new Map());
    expect([...delta.totals]).toEqual([
      ['a1', 6],
      ['b2', 5],
    ]);
  });

  it('adds deltas to existing totals', () => {
    expect(
      addCounts(
        { desktop: 1, mobile: 2, tablet: 3, total: 6 },
        { desktop: 1, mobile: 0, total: 1 },
      ),
    ).toEqual({ desktop: 2, mobile: 2, total: 7 });
    expect(
      mergePackedCounts(
        'a:1',
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
      ),
    ).toBe('a:3;b:1');
    expect(mergePackedCounts('', new Map([['a', 2]]))).toBe('a:2');
  });
});

describe('periods', () => {
  it('covers days with whole years, whole months and days, never overlapping', () => {
    expect(unionCover('2024-12-30', '2026-02-02')).toEqual([
      'D2024-12-30',
      'D2024-12-31',
      'Y2025',
      'M2026-01',
      'D2026-02-01',
      'D2026-02-02',
    ]);
  });

  it('cuts a period into days, Monday weeks or months, clipped to the period', () => {
    const at = (d: string) => new Date(`${d}T00:00:00+07:00`);
    // 2025-11-05 is a Wednesday.
    expect(statBuckets(at('2025-11-05'), at('2025-11-18'), 'WEEK')).toEqual([
      { firstDay: '2025-11-05', lastDay: '2025-11-09' },
      { firstDay: '2025-11-10', lastDay: '2025-11-16' },
      { firstDay: '2025-11-17', lastDay: '2025-11-17' },
    ]);
    expect(statBuckets(at('2025-11-20'), at('2026-01-02'), 'MONTH')).toEqual([
      { firstDay: '2025-11-20', lastDay: '2025-11-30' },
      { firstDay: '2025-12-01', lastDay: '2025-12-31' },
      { firstDay: '2026-01-01', lastDay: '2026-01-01' },
    ]);
    expect(statBuckets(at('2025-11-20'), at('2025-11-22'), 'DAY')).toHaveLength(2);
  });
});
