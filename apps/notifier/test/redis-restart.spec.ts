import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink, freePort, startRedis, type StartedRedis } from '@portal/local-services';
import { Producer, createRedisConnection } from '@portal/queue';
import {
  metricValue,
  spawnApp,
  timeoutForProcesses,
  uniqueName,
  useTestDatabase,
  waitUntil,
  type SpawnedApp,
} from '@portal/testing';
import { MAIL_FROM } from './support/harness';
import { emailNotification, PORTAL, subscribers } from './support/sample-messages';

// The notifier as its own process on a Redis of its own (AOF on), which this file stops and
// starts again with a batch queued: the process resumes by itself and every address gets one message.
const db = useTestDatabase('notifier_redis_restart');
const prefix = uniqueName('redis-restart');
const COUNT = 300;
let dir: string;
let redisPort: number;
let redis: StartedRedis;
let sink: SmtpSink;
let notifier: SpawnedApp;
let opsUrl: string;

beforeAll(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'notifier-redis-'));
    redisPort = await freePort();
    redis = await startRedis({ port: redisPort, dir, persistent: true });
    sink = await new SmtpSink().start();
    const port = await freePort();
    opsUrl = `http://127.0.0.1:${port}`;
    notifier = await spawnApp(
      'notifier',
      'main',
      {
        MONGODB_URI: db.uri,
        MONGODB_DB: db.dbName,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
        MAIL_FROM,
        PUBLIC_BASE_URL: PORTAL,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_FORMAT: 'json',
        EMAIL_CONCURRENCY: '16',
        EMAIL_RATE_PER_SECOND: '2000',
      },
      `${opsUrl}/readyz`,
    );
  },
  timeoutForProcesses(1, 120_000),
);

afterAll(async () => {
  await notifier?.stop();
  await sink?.stop();
  await redis?.process.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const readiness = async () => {
  const res = await fetch(`${opsUrl}/readyz`, { signal: AbortSignal.timeout(10_000) });
  return {
    status: res.status,
    checks: ((await res.json()) as { checks: Record<string, string> }).checks,
  };
};

describe('a notifier whose Redis restarts with a batch queued', () => {
  it('resumes by itself: every address mailed once, progress reported', async () => {
    const mine = (m: { envelopeTo: string[] }) => m.envelopeTo[0]!.startsWith('restart.');
    const mailed = () =>
      new Set(
        sink
          .all()
          .filter(mine)
          .map((m) => m.envelopeTo[0]),
      ).size;
    const producerRedis = createRedisConnection(redis.url, 'producer');
    const notifications = new Producer('notifications', producerRedis, prefix);
    const batch = subscribers(COUNT, 'restart');
    const pid = notifier.process.child.pid;
    try {
      await notifications.enqueue(emailNotification('bulletin.restart', batch), {
        jobId: 'restart.1',
      });
      await sink.waitFor(20, mine);
      await notifications.close();
      producerRedis.disconnect();
      await redis.process.stop();
      await waitUntil(async () => (await readiness()).checks.redis !== 'ok', {
        what: 'readiness to report Redis',
        timeoutMs: 30_000,
        intervalMs: 100,
      });
      redis = await startRedis({ port: redisPort, dir, persistent: true });
      const back = Date.now();
      await waitUntil(() => mailed() === COUNT, {
        what: `${COUNT} addresses mailed after the restart`,
        timeoutMs: 180_000,
        intervalMs: 250,
      }).catch(async (err: Error) => {
        // What the queue holds, for whoever reads the failure.
        const connection = createRedisConnection(redis.url);
        const email = new Queue('notifier-email', { connection, prefix });
        const counts = await email.getJobCounts();
        await email.close();
        connection.disconnect();
        throw new Error(`${err.message}: ${mailed()} mailed; ${JSON.stringify(counts)}`);
      });
      const perAddress = new Map<string, Set<string>>();
      for (const m of sink.all().filter(mine)) {
        const ids = perAddress.get(m.envelopeTo[0]!) ?? new Set<string>();
        ids.add(m.headers['message-id'] ?? '');
        perAddress.set(m.envelopeTo[0]!, ids);
      }
      expect([...perAddress.values()].filter((ids) => ids.size > 1)).toEqual([]);
      expect(notifier.process.child.pid).toBe(pid);
      expect(notifier.process.running).toBe(true);
      const text = await (await fetch(`${opsUrl}/metrics`)).text();
      expect(
        metricValue(text, 'worker_last_job_finished_timestamp_seconds', {
          queue: 'notifier-email',
        }) * 1000,
      ).toBeGreaterThan(back);
      await waitUntil(async () => (await readiness()).status === 200, {
        what: 'readiness back to 200',
        timeoutMs: 60_000,
      });
    } finally {
      producerRedis.disconnect();
    }
  }, 300_000);
});
