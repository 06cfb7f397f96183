// Series of an audience by day, week and month on a real Redis and FerretDB: views per bucket
// exact, from the months' daily events, also for a month flushed before months kept them.
import type { Connection } from 'mongoose';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { testServices, uniqueName, useTestDatabase } from '@portal/testing';
import {
  createAudienceCounter,
  dayEnd,
  dayStart,
  type AudienceCounter,
  type StatGranularity,
} from '../src';

const db = useTestDatabase('db-audience-series');
let conn: Connection;
let redis: Redis;
let audience: AudienceCounter;
let clock = new Date();
let client = 0;

/** Views per city day, as recorded. */
const recorded = new Map<string, number>();

async function views(day: string, n: number): Promise<void> {
  clock = new Date(`${day}T05:00:00Z`); // noon in the city
  for (let i = 0; i < n; i++)
    expect(
      await audience.record({
        subjectId: `a${i % 3}`,
        device: 'DESKTOP',
        viewerId: null,
        clientKey: `client-${client++}`,
      }),
    ).toBe(true);
  recorded.set(day, (recorded.get(day) ?? 0) + n);
}

const FROM = dayStart('2025-10-27');
const TO = dayEnd('2025-11-16');
const expectedSeries = (granularity: StatGranularity) => {
  const keyOf = (day: string) => {
    if (granularity === 'DAY') return day;
    if (granularity === 'MONTH') return day.slice(0, 7);
    // ISO weeks from Monday: the range starts on Monday 27 October.
    return String(Math.floor((dayStart(day).getTime() - FROM.getTime()) / (7 * 86_400_000)));
  };
  const sums = new Map<string, number>();
  for (let t = FROM.getTime(); t < TO.getTime(); t += 86_400_000) {
    const day = new Date(t + 7 * 3600_000).toISOString().slice(0, 10);
    sums.set(keyOf(day), (sums.get(keyOf(day)) ?? 0) + (recorded.get(day) ?? 0));
  }
  return [...sums.values()];
};
const seriesOf = async (granularity: StatGranularity) =>
  (await audience.stats(FROM, TO, granularity)).series.map((b) => b.views);

beforeAll(async () => {
  conn = await db.connection();
  redis = new Redis(testServices().redisUrl);
  audience = createAudienceCounter({
    conn,
    redis,
    keyPrefix: uniqueName('series'),
    name: 'test:views',
    modelPrefix: 'SeriesView',
    collectionPrefix: 'series_view',
    subjectField: 'articleId',
    subjectsField: 'articles',
    logger: createLogger({ service: 'test', level: 'silent' }),
    now: () => clock,
  });
  // Two flushes, so a month's days are added to, not only started.
  await views('2025-10-30', 2);
  await views('2025-10-31', 3);
  await views('2025-11-01', 4);
  expect((await audience.counter.flush()).ran).toBe(true);
  await views('2025-11-01', 1);
  await views('2025-11-03', 5);
  await views('2025-11-09', 6);
  await views('2025-11-10', 7);
  await views('2025-11-16', 8);
  expect((await audience.counter.flush()).ran).toBe(true);
});
afterAll(async () => {
  await redis.quit();
});

describe('an audience series', () => {
  it('counts every bucket exactly by day, week and month', async () => {
    expect(await seriesOf('DAY')).toEqual(expectedSeries('DAY'));
    expect(await seriesOf('WEEK')).toEqual([10, 11, 15]);
    expect(await seriesOf('WEEK')).toEqual(expectedSeries('WEEK'));
    expect(await seriesOf('MONTH')).toEqual([5, 31]);
    expect(await seriesOf('MONTH')).toEqual(expectedSeries('MONTH'));
    const month = await audience.models.periods.findById('M2025-11').lean<{ days: string }>();
    expect(month?.days).toBe('01:5;03:5;09:6;10:7;16:8');
  });

  it('reads a month flushed before months kept their days from its day documents', async () => {
    await audience.models.periods.updateOne({ _id: 'M2025-10' }, { $unset: { days: 1 } });
    expect(await seriesOf('DAY')).toEqual(expectedSeries('DAY'));
    expect(await seriesOf('WEEK')).toEqual(expectedSeries('WEEK'));
    // New views of that month go on without days (they would miss the older ones) and count.
    await views('2025-10-31', 2);
    await audience.counter.flush();
    const october = await audience.models.periods.findById('M2025-10').lean<{ days?: string }>();
    expect(october?.days).toBeUndefined();
    expect(await seriesOf('WEEK')).toEqual([12, 11, 15]);
    expect(await seriesOf('DAY')).toEqual(expectedSeries('DAY'));
  });
});
