import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger, currentRequestContext, runWithRequestContext } from '@portal/logger';
import { testServices, uniqueName, useTestDatabase, waitUntil } from '@portal/testing';
import { Registry } from 'prom-client';
import { metricValue } from '@portal/testing';
import { Outbox, Producer, QueueHealth, createRedisConnection, createWorker, jobId } from '../src';

const { redisUrl } = testServices();
const logger = createLogger({ service: 'queue-test', level: 'silent', pretty: false });
const connections: Redis[] = [];
const workers: Worker[] = [];
const producers: Producer<any>[] = [];
const conn = (role: 'worker' | 'producer' = 'producer') => {
  const c = createRedisConnection(redisUrl, role);
  connections.push(c);
  return c;
};
const referralId = 'a'.repeat(24);

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});
afterAll(async () => {
  await Promise.all(producers.map((p) => p.close()));
  for (const c of connections) c.disconnect();
});

function producer(prefix: string) {
  const p = new Producer('referral-dispatch', conn(), prefix);
  producers.push(p);
  return p;
}

describe('queue lib on a real Redis', () => {
  it('refuses job ids BullMQ cannot take', () => {
    expect(jobId('publish', 'abc', 1700000000)).toBe('publish.abc.1700000000');
    expect(() => jobId('a:b')).toThrow();
    expect(() => jobId('123')).toThrow();
  });

  it('runs a job enqueued twice with the same id once', async () => {
    const prefix = uniqueName('dedupe');
    const p = producer(prefix);
    await p.enqueue({ referralId }, { jobId: jobId('dispatch', referralId) });
    await p.enqueue({ referralId }, { jobId: jobId('dispatch', referralId) });
    let runs = 0;
    workers.push(
      createWorker('referral-dispatch', async () => void runs++, {
        connection: conn('worker'),
        prefix,
        logger,
      }),
    );
    await waitUntil(async () => (await p.queue.getCompletedCount()) === 1, {
      what: 'job completion',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toBe(1);
  });

  it('carries the request id from the producer to the processor', async () => {
    const prefix = uniqueName('request-id');
    const p = producer(prefix);
    await runWithRequestContext({ requestId: 'req-propagated-1' }, () =>
      p.enqueue({ referralId }, { jobId: 'rid.1' }),
    );
    let seen: string | undefined;
    workers.push(
      createWorker(
        'referral-dispatch',
        async () => void (seen = currentRequestContext()?.requestId),
        {
          connection: conn('worker'),
          prefix,
          logger,
        },
      ),
    );
    await waitUntil(() => seen, { what: 'the job to run' });
    expect(seen).toBe('req-propagated-1');
  });

  it('refuses an invalid payload at the producer', async () => {
    const p = producer(uniqueName('invalid'));
    await expect(p.enqueue({ referralId: 'not-an-id' }, { jobId: 'x.1' })).rejects.toThrow();
  });

  it('fails a malformed job without retries and keeps the worker alive', async () => {
    const prefix = uniqueName('malformed');
    const p = producer(prefix);
    await p.queue.add('referral-dispatch', { referralId: 42 }, { jobId: 'bad.1', attempts: 5 });
    await p.enqueue({ referralId }, { jobId: 'good.1' });
    const seen: string[] = [];
    workers.push(
      createWorker('referral-dispatch', async (payload) => void seen.push(payload.referralId), {
        connection: conn('worker'),
        prefix,
        logger,
      }),
    );
    await waitUntil(
      async () =>
        (await p.queue.getCompletedCount()) === 1 && (await p.queue.getFailedCount()) === 1,
      { what: 'one done, one failed' },
    );
    const [failed] = await p.queue.getFailed();
    expect(failed!.failedReason).toMatch(/invalid payload: referralId/);
    expect(failed!.attemptsMade).toBe(1);
    expect(seen).toEqual([referralId]);
  });

  it('finishes a job whose worker was killed mid-job, after a restart, and counts the stall', async () => {
    const prefix = uniqueName('stalled');
    const p = producer(prefix);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/stuck-worker.ts'), redisUrl, prefix],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines = createInterface({ input: child.stdout! });
    const started = new Promise<void>((resolve) =>
      lines.on('line', (l) => l === 'started' && resolve()),
    );
    await p.enqueue({ referralId }, { jobId: 'stalled.1' });
    await started;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(await p.queue.getActiveCount()).toBe(1);

    const registry = new Registry();
    const health = new QueueHealth(registry, conn(), logger);
    const scrape = async (name: string, labels: Record<string, string>) =>
      metricValue(await registry.metrics(), name, { queue: 'referral-dispatch', ...labels });
    let finishedBy = '';
    workers.push(
      createWorker('referral-dispatch', async () => void (finishedBy = 'restarted worker'), {
        connection: conn('worker'),
        prefix,
        logger,
        lockDurationMs: 2000,
        stalledIntervalMs: 500,
        health,
      }),
    );
    expect(await scrape('bullmq_queue_jobs', { state: 'active' })).toBe(1);
    expect(await scrape('bullmq_jobs_stalled_total', {})).toBe(0);
    await waitUntil(async () => (await p.queue.getCompletedCount()) === 1, {
      what: 'stalled job to complete',
      timeoutMs: 90_000,
    });
    expect(finishedBy).toBe('restarted worker');
    expect(await scrape('bullmq_jobs_stalled_total', {})).toBe(1);
    expect(await scrape('bullmq_jobs_completed_total', {})).toBe(1);
    // The progress readiness reads and the counters come from one record.
    expect(await scrape('worker_jobs_finished', { outcome: 'completed' })).toBe(1);
    expect(await scrape('worker_last_job_finished_timestamp_seconds', {})).toBeGreaterThan(0);
    expect(health.progress().get('referral-dispatch')).toMatchObject({
      completed: 1,
      stalled: 1,
      failed: 0,
    });
    await waitUntil(async () => (await scrape('bullmq_queue_jobs', { state: 'active' })) === 0, {
      what: 'no active job on /metrics',
    });
    await health.close();
  }, 150_000);

  it('retries a capped job no later than its cap, and no sooner than a Retry-After asked', async () => {
    const prefix = uniqueName('capped');
    const p = producer(prefix);
    // Uncapped, the third retry would wait 100 · 2³ = 800 ms; the cap is 300 ms.
    await p.enqueue(
      { referralId },
      { jobId: 'capped.1', attempts: 5, backoffMs: 100, maxBackoffMs: 300, backoffJitter: 0.5 },
    );
    const started: number[] = [];
    workers.push(
      createWorker(
        'referral-dispatch',
        async () => {
          started.push(Date.now());
          // The second failure asks for 1 s, beyond the cap: it waits the cap.
          if (started.length === 1) throw Object.assign(new Error('busy'), { retryAfterMs: 250 });
          if (started.length === 2) throw Object.assign(new Error('busy'), { retryAfterMs: 1000 });
          if (started.length < 5) throw new Error('still failing');
        },
        { connection: conn('worker'), prefix, logger },
      ),
    );
    await waitUntil(async () => (await p.queue.getJob('capped.1'))?.isCompleted(), {
      what: 'the job to complete at its fifth attempt',
      timeoutMs: 20_000,
    });
    const job = (await p.queue.getJob('capped.1'))!;
    expect(job.opts.backoff).toEqual({
      type: 'capped-exponential',
      delay: 100,
      maxDelay: 300,
      jitter: 0.5,
    });
    expect(job.attemptsMade).toBe(5);
    // Each retry's due time is in the events stream, stamped (by Redis) just after the
    // worker chose it: due − stamp is at most the delay chosen, so it bounds it from above.
    const client = (await p.queue.client) as unknown as Redis;
    const events = await client.xrange(p.queue.keys.events!, '-', '+');
    const delays = events
      .map(([id, fields]) => ({ at: Number(id.split('-')[0]), f: pairs(fields) }))
      .filter((e) => e.f.event === 'delayed' && e.f.jobId === 'capped.1')
      .map((e) => Number(e.f.delay) - e.at);
    expect(delays).toHaveLength(4);
    for (const d of delays) expect(d).toBeLessThanOrEqual(300);
    // And the attempts' starts bound them from below: 250 asked (more than the 50–100 ms
    // backoff), then 1000 asked, cut to the cap.
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(250);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(300);
  });

  it('lets in-flight jobs finish on close()', async () => {
    const prefix = uniqueName('graceful');
    const p = producer(prefix);
    await p.enqueue({ referralId }, { jobId: 'graceful.1' });
    let release!: () => void;
    const running = new Promise<void>((r) => (release = r));
    let began = false;
    const w = createWorker(
      'referral-dispatch',
      async () => {
        began = true;
        await running;
      },
      { connection: conn('worker'), prefix, logger },
    );
    await waitUntil(() => began, { what: 'job start' });
    const closing = w.close();
    setTimeout(release, 200);
    await closing;
    expect(await p.queue.getCompletedCount()).toBe(1);
  });
});

describe('outbox', () => {
  const db = useTestDatabase('outbox');

  it('keeps a job while Redis is unreachable and relays it later, once', async () => {
    const prefix = uniqueName('outbox');
    const dead = createRedisConnection('redis://127.0.0.1:1', 'producer', {
      retryStrategy: () => null,
    });
    connections.push(dead);
    dead.on('error', () => {});
    const deadProducer = new Producer('referral-dispatch', dead, prefix);
    const mongo = await db.connection();
    const outboxDown = new Outbox(mongo, { 'referral-dispatch': deadProducer }, logger);
    await outboxDown.add(
      'referral-dispatch',
      { referralId },
      { jobId: jobId('dispatch', referralId) },
    );
    expect(await outboxDown.pendingCount()).toBe(1);

    const live = producer(prefix);
    const outbox = new Outbox(mongo, { 'referral-dispatch': live }, logger);
    expect(await outbox.relay()).toBe(1);
    expect(await outbox.relay()).toBe(0);
    expect(await outbox.pendingCount()).toBe(0);
    expect(await live.queue.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 1 });
  });

  it('records a job added by many writers at once exactly once, without failing any', async () => {
    const prefix = uniqueName('outbox_concurrent');
    const live = producer(prefix);
    const outbox = new Outbox(await db.connection(), { 'referral-dispatch': live }, logger);
    const id = 'c'.repeat(24);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        outbox.add('referral-dispatch', { referralId: id }, { jobId: jobId('dispatch', id) }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await outbox.pendingCount()).toBe(0);
    expect(await live.queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
  });
});

function pairs(fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i]!] = fields[i + 1]!;
  return out;
}
