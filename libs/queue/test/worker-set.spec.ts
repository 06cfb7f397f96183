import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { testServices, uniqueName, useTestDatabase, waitUntil } from '@portal/testing';
import { QueueHealth, WorkerSet, createRedisConnection } from '../src';

const { redisUrl } = testServices();
const logger = createLogger({ service: 'worker-set-test', level: 'silent', pretty: false });
const db = useTestDatabase('wset');

describe('WorkerSet, an app’s workers owned together', () => {
  it('runs its workers on the prefix and joins them to the queue health; close stops the workers first, then its closers (last given first), then its producers and connections', async () => {
    const probe = createRedisConnection(redisUrl, 'producer');
    const health = new QueueHealth(new Registry(), probe, logger);
    const prefix = uniqueName('wset');
    const set = new WorkerSet(
      { redisUrl, queuePrefix: prefix, concurrency: 2 },
      { logger, conn: await db.connection(), queueHealth: health },
    );
    const done: string[] = [];
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    set.worker('forum-maintenance', async ({ task }) => {
      if (task === 'recount-votes') await held;
      done.push(task);
    });
    const producer = set.producer('forum-maintenance');
    expect(set.producer('forum-maintenance')).toBe(producer);
    set.onClose(() => order.push('first given'));
    set.onClose(() => order.push(`second given, ${done.length} done`));
    try {
      // Its producer connection fails fast, so it answers once connected.
      await waitUntil(() => set.ping().then(() => true), { what: 'Redis to answer' });
      expect([...health.progress().keys()]).toEqual(['forum-maintenance']);
      await producer.enqueue({ task: 'recount-votes' }, { jobId: 'held' });
      await producer.enqueue({ task: 'flush-views' }, { jobId: 'quick' });
      await waitUntil(() => done.includes('flush-views'), { what: 'the quick job' });
      // A job in flight at close is finished before anything else closes.
      const closing = set.close();
      release();
      await closing;
      expect(done).toEqual(['flush-views', 'recount-votes']);
      expect(order).toEqual(['second given, 2 done', 'first given']);
      await expect(producer.enqueue({ task: 'flush-views' }, { jobId: 'late' })).rejects.toThrow();
      await expect(set.ping()).rejects.toThrow();
    } finally {
      await health.close();
      probe.disconnect();
    }
  });

  it('gives its workers the process’s database, logger and clock, and its hot counters this set’s Redis and prefix', async () => {
    const conn = await db.connection();
    const at = new Date('2026-03-01T08:00:00Z');
    const prefix = uniqueName('wset');
    const set = new WorkerSet(
      { redisUrl, queuePrefix: prefix, concurrency: 1 },
      { logger, conn, now: () => at },
    );
    try {
      expect(set.conn).toBe(conn);
      expect(set.now()).toBe(at);
      expect(set.counters()).toEqual({ conn, redis: set.redis, keyPrefix: prefix, logger });
    } finally {
      await set.close();
    }
    const clock = new WorkerSet(
      { redisUrl, queuePrefix: prefix, concurrency: 1 },
      { logger, conn },
    );
    try {
      const before = Date.now();
      expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    } finally {
      await clock.close();
    }
  });
});
