import { describe, expect, it } from 'vitest';
import { statBuckets } from '@portal/db';
import {
  addStatCounts,
  dayField,
  eventCounts,
  factInstant,
  forEachMonthCount,
  packMonthCounts,
  packStatCounts,
  referralCounts,
  referralStatsFromCounts,
  unpackMonthCounts,
  unpackStatCounts,
} from './referral-stat-counts';
import { median } from './referral-stats';

const at = (s: string) => new Date(`${s}+07:00`);
const referral = (createdAt: string) => ({
  createdAt: at(createdAt),
  slaDueAt: new Date(at(createdAt).getTime() + 24 * 3_600_000),
  targetAgency: 'SO-XD',
  categoryCode: 'GIAO-THONG',
  categoryName: 'Giao thông; đô thị: 1|2',
});

describe('referral statistics as counts', () => {
  it('keys a fact by its city day and instant, and a month adds it up per day', () => {
    const r = referral('2025-11-10T06:30:00'); // still 9 November in UTC
    const [received] = Object.keys(referralCounts(r));
    expect(received).toBe(`2025-11-10|${r.createdAt.getTime()}|received`);
    expect(dayField(received!)).toBe('2025-11-10|received');
    expect(factInstant(received!)).toBe(r.createdAt.getTime());
  });

  it('counts a closing once with its SLA, resolution time and the end of its due', () => {
    const r = referral('2025-11-10T06:30:00');
    const closedAt = at('2025-11-10T16:30:00');
    const counts = eventCounts(r, {
      at: closedAt,
      patch: { status: 'RESOLVED', closedAt, hotlineTicketId: 'T-1' },
    });
    const byDay = new Map<string, number>();
    addStatCounts(
      byDay,
      Object.entries(counts).map(([f, n]) => [dayField(f), n] as const),
    );
    const g = 'SO-XD|GIAO-THONG';
    const name = 'name|GIAO-THONG|Giao%20th%C3%B4ng%3B%20%C4%91%C3%B4%20th%E1%BB%8B%3A%201%7C2';
    expect(Object.fromEntries(byDay)).toEqual({
      '2025-11-10|forwarded': 1,
      [`2025-11-10|resolved|${g}`]: 1,
      [`2025-11-10|within|${g}`]: 1,
      [`2025-11-10|ms|${g}|36000000`]: 1,
      [`2025-11-10|${name}`]: 1,
      [`2025-11-11|due|${g}`]: -1,
      [`2025-11-11|${name}`]: -1,
    });
    expect(eventCounts(r, { at: closedAt, patch: { status: 'IN_PROGRESS' } })).toEqual({});
  });

  it('packs negative counts too, and drops what sums to zero', () => {
    const counts = new Map([
      ['2025-11-10|due|a', -1],
      ['2025-11-10|received', 3],
    ]);
    expect(new Map(unpackStatCounts(packStatCounts(counts)))).toEqual(counts);
    expect(addStatCounts(counts, [['2025-11-10|due|a', 1]])).toEqual(
      new Map([['2025-11-10|received', 3]]),
    );
  });

  it('packs a month by key, one list of days (and resolution times) each, and back', () => {
    const g = 'SO-XD|GIAO-THONG';
    const name = 'name|GIAO-THONG|Giao%20th%C3%B4ng%3B%20%C4%91%C3%B4%20th%E1%BB%8B%3A%201%7C2';
    const month = new Map([
      ['2025-11-10|received', 2],
      ['2025-11-03|received', 1],
      [`2025-11-10|ms|${g}|36000000`, 1],
      [`2025-11-03|ms|${g}|86400000`, 2],
      [`2025-11-03|ms|${g}|36000000`, 1],
      [`2025-11-11|due|${g}`, -1],
      [`2025-11-11|${name}`, -1],
      [`2025-11-30|${name}`, 3],
      ['2025-11-04|forwarded', 0],
    ]);
    const packed = packMonthCounts(month);
    expect(packed).toBe(
      [
        `due|${g}=11*-1`,
        `ms|${g}=03:36000000,03:86400000*2,10:36000000`,
        `${name}=11*-1,30*3`,
        'received=03,10*2',
      ].join(';'),
    );
    month.delete('2025-11-04|forwarded');
    expect(unpackMonthCounts(packed, '2025-11')).toEqual(month);
    const seen: unknown[] = [];
    forEachMonthCount('received=03,10*2', '2025-11', (...count) => seen.push(count));
    expect(seen).toEqual([
      ['2025-11-03', 'received', NaN, 1],
      ['2025-11-10', 'received', NaN, 2],
    ]);
    expect(unpackMonthCounts('', '2025-11')).toEqual(new Map());
  });

  it('takes the median of the kept resolution times as median() does of the list', () => {
    const hours = [10, 10, 18, 24.5, 384, 48];
    const counts = new Map<string, number>();
    for (const h of hours) addStatCounts(counts, [[`2025-11-03|ms|A|C|${h * 3_600_000}`, 1]]);
    const result = referralStatsFromCounts({
      buckets: statBuckets(at('2025-11-01T00:00:00'), at('2025-12-01T00:00:00'), 'MONTH'),
      counts,
      due: new Map(),
    });
    expect(result.medianHoursToResolution).toBe(median(hours));
    expect(result.medianHoursToResolution).toBe(18);
  });

  it('names a category as it was named first in the period, of the names still counted', () => {
    const buckets = statBuckets(at('2025-11-01T00:00:00'), at('2025-12-01T00:00:00'), 'WEEK');
    const result = referralStatsFromCounts({
      buckets,
      counts: new Map([
        ['2025-11-03|name|C|Old', 1],
        ['2025-11-03|name|C|Gone', 0],
        ['2025-11-02|name|C|Earlier', -1],
        ['2025-11-04|name|C|Newer', 1],
        ['2025-11-05|name|C|Old', -1],
        ['2025-11-05|name|C|Newer', 1],
        ['2025-11-05|resolved|A|C', 1],
        ['2025-11-05|ms|A|C|7200000', 1],
        ['2025-11-05|within|A|C', 1],
      ]),
      due: new Map([
        ['2025-11-06|due|B|C', 1],
        ['2025-11-07|due|B|D', 1],
        ['2025-11-08|due|B|E', -1],
      ]),
    });
    expect(
      result.byCategory.map((c) => [c.categoryCode, c.categoryName, c.closed, c.overdue]),
    ).toEqual([
      ['C', 'Old', 1, 1],
      ['D', '', 0, 1],
    ]);
    expect(result.byAgency.map((a) => [a.agency, a.closedWithinSla, a.overdue])).toEqual([
      ['A', 1, 0],
      ['B', 0, 2],
    ]);
    expect(result).toMatchObject({
      resolved: 1,
      closed: 1,
      overdue: 2,
      medianHoursToResolution: 2,
    });
    expect(result.series.map((b) => b.resolved)).toEqual([0, 1, 0, 0, 0]);
  });
});
