// The shared hot counter on a real Redis and FerretDB: exact counts, a leased flush that
// never counts twice, and distinct readers kept through Redis and MongoDB.
import type { Connection } from 'mongoose';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { testServices, uniqueName, useTestDatabase } from '@portal/testing';
import {
  HotCounter,
  dayKey,
  hotCounterModels,
  unionCover,
  type HotCounterSpec,
  type HotTotalDoc,
} from '../src';

const db = useTestDatabase('db-hot-counter');
const SPEC: HotCounterSpec = {
  modelPrefix: 'Hit',
  collectionPrefix: 'hit',
  subjectField: 'itemId',
  subjectsField: 'items',
  counters: ['desktop', 'mobile', 'geoHcmc', 'geoAbroad'],
};
let conn: Connection;
let redis: Redis;
let counter: HotCounter;
let clock = new Date('2025-11-05T03:00:00Z');
// This file's own keys: the Redis is shared with other test files and other runs.
const KEY_PREFIX = uniqueName('hot');

beforeAll(async () => {
  conn = await db.connection();
  redis = new Redis(testServices().redisUrl);
  counter = new HotCounter({
    redis,
    models: hotCounterModels(conn, SPEC),
    spec: SPEC,
    name: 'library:hits',
    keyPrefix: KEY_PREFIX,
    dedupeSeconds: 600,
    logger: createLogger({ service: 'test', level: 'silent' }),
    now: () => clock,
  });
});
afterAll(async () => {
  await redis.quit();
});

describe('HotCounter', () => {
  it('counts exactly, once per client, and folds into day, month and year documents', async () => {
    const models = hotCounterModels(conn, SPEC);
    const hit = (subjectId: string, counters: string[], client: string, reader = client) =>
      counter.count({ subjectId, counters, client, readers: { reader, scopes: ['all'] } });
    expect(await hit('i1', ['desktop', 'geoHcmc'], 'c1')).toBe(true);
    expect(await hit('i1', ['desktop', 'geoHcmc'], 'c1')).toBe(false);
    expect(await hit('i1', ['mobile', 'geoAbroad'], 'c2')).toBe(true);
    expect(await hit('i2', ['mobile'], 'c1')).toBe(true);
    await Promise.all(Array.from({ length: 30 }, (_, i) => hit('i2', ['mobile'], `burst-${i}`)));
    await expect(counter.count({ subjectId: 'i1', counters: ['fridge'] })).rejects.toThrow(
      /unknown counter/,
    );
    expect(await counter.totals(['i1', 'i2', 'none'])).toEqual([2, 31, 0]);

    expect(await counter.flush()).toMatchObject({ ran: true, batches: 1, buckets: 2 });
    expect(await counter.totals(['i1', 'i2'])).toEqual([2, 31]);
    expect(await models.buckets.findById('i1|2025-11-05').lean()).toMatchObject({
      itemId: 'i1',
      day: '2025-11-05',
      total: 2,
      desktop: 1,
      mobile: 1,
      geoHcmc: 1,
      geoAbroad: 1,
    });
    for (const id of ['D2025-11-05', 'M2025-11', 'Y2025'])
      expect(await models.periods.findById(id).lean()).toMatchObject({
        total: 33,
        desktop: 1,
        mobile: 32,
        geoHcmc: 1,
        geoAbroad: 1,
        items: 'i1:2;i2:31',
      });
    // 32 distinct readers (c1, c2 and 30 bursts): HyperLogLog is exact at this size.
    expect(await counter.distinctReaders('all', [['D2025-11-05'], ['M2025-11'], []])).toEqual([
      32, 32, 0,
    ]);
  });

  it('never folds a batch twice when a flush stopped half-way', async () => {
    const models = hotCounterModels(conn, SPEC);
    await counter.count({ subjectId: 'i3', counters: ['desktop'] });
    const batchId = await counter.sealLive();
    await counter.applyBatch(batchId!);
    await counter.count({ subjectId: 'i3', counters: ['mobile'] });
    expect(await counter.totals(['i3'])).toEqual([2]);
    await counter.flush();
    expect(await models.buckets.findById('i3|2025-11-05').lean()).toMatchObject({
      total: 2,
      desktop: 1,
      mobile: 1,
    });
    expect((await models.totals.findById('i3').lean<HotTotalDoc>())?.total).toBe(2);
  });

  it('keeps distinct readers in MongoDB and reads them back once Redis has lost them', async () => {
    clock = new Date('2025-11-06T03:00:00Z');
    for (const reader of ['u:1', 'u:2', 'u:1', 'a:x'])
      await counter.count({ subjectId: 'i1', counters: [], readers: { reader, scopes: ['all'] } });
    await counter.flush();
    const models = hotCounterModels(conn, SPEC);
    expect((await models.readers.findById('all|D2025-11-06').lean())?.readers).toBe(3);
    // Redis forgets (an expiry, a failover): the copy in MongoDB answers.
    const keys = await redis.keys(`${KEY_PREFIX}:library:hits:readers:all:*`);
    expect(keys.length).toBe(4); // two days, the month, the year
    await redis.del(...keys);
    const days = unionCover('2025-11-05', '2025-11-06');
    expect(days).toEqual(['D2025-11-05', 'D2025-11-06']);
    expect(await counter.distinctReaders('all', [days, ['D2025-11-06'], ['Y2025']])).toEqual([
      35, 3, 35,
    ]);
    // A reader set that started again in Redis is merged with the saved one at the next flush.
    await redis.del(...(await redis.keys(`${KEY_PREFIX}:library:hits:readers:all:*`)));
    await counter.count({
      subjectId: 'i1',
      counters: [],
      readers: { reader: 'u:9', scopes: ['all'] },
    });
    await counter.flush();
    expect((await models.readers.findById('all|D2025-11-06').lean())?.readers).toBe(4);
    expect(dayKey(clock)).toBe('2025-11-06');
  });
});

describe('HotCounter recording', () => {
  it('counts a client once however many of its events race, the mark and the count together', async () => {
    const spec = { ...SPEC, modelPrefix: 'Race', collectionPrefix: 'race' };
    const racing = new HotCounter({
      redis,
      models: hotCounterModels(conn, spec),
      spec,
      name: 'race',
      keyPrefix: uniqueName('hot-race'),
      dedupeSeconds: 600,
      logger: createLogger({ service: 'test', level: 'silent' }),
    });
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        racing.count({ subjectId: 'r1', counters: ['desktop'], client: 'racer' }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await racing.pending()).toMatchObject({ [`${dayKey(new Date())}|r1|total`]: '1' });
    expect(await racing.totals(['r1'])).toEqual([1]);
  });
});
