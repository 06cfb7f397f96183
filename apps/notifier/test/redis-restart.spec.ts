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
import { eventId } from '../src/domain/delivery-key';
import { WEBHOOK_HEADERS } from '../src/domain/webhook-signature';
import { notifierModels } from '../src/models';
import { addEndpoint } from '../src/models/webhook-endpoint.repository';
import { DEV_RECEIVER, MAIL_FROM } from './support/harness';
import {
  articlePublished,
  emailNotification,
  PORTAL,
  subscribers,
} from './support/sample-messages';
import { WebhookReceiver } from './support/webhook-receiver';

// The notifier as its own process on a Redis of its own (AOF on), which this file stops and
// starts again with work queued: the process resumes by itself, every address gets one message
// and every partner endpoint every event once.
const db = useTestDatabase('notifier_redis_restart');
const prefix = uniqueName('redis-restart');
const COUNT = 300;
const HOOKS = 200;
let dir: string;
let redisPort: number;
let redis: StartedRedis;
let sink: SmtpSink;
let receiver: WebhookReceiver;
let notifier: SpawnedApp;
let opsUrl: string;

beforeAll(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'notifier-redis-'));
    redisPort = await freePort();
    redis = await startRedis({ port: redisPort, dir, persistent: true });
    sink = await new SmtpSink().start();
    receiver = await new WebhookReceiver().start();
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
        WEBHOOK_RATE_PER_SECOND: '2000',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      },
      `${opsUrl}/readyz`,
    );
  },
  timeoutForProcesses(1, 120_000),
);

afterAll(async () => {
  await notifier?.stop();
  await sink?.stop();
  await receiver?.stop();
  await redis?.process.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Redis stopped and started again on its AOF directory, once the notifier has seen it go. */
async function restartRedis(): Promise<void> {
  await redis.process.stop();
  await waitUntil(async () => (await readiness()).checks.redis !== 'ok', {
    what: 'readiness to report Redis',
    timeoutMs: 30_000,
    intervalMs: 100,
  });
  redis = await startRedis({ port: redisPort, dir, persistent: true });
}

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
      await restartRedis();
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

  it('loses no webhook: notifications being fanned out when Redis goes away are enqueued once it is back', async () => {
    await addEndpoint(
      notifierModels(await db.connection()),
      {
        partner: 'Báo Người Lao Động',
        url: receiver.url('/hooks/restart'),
        events: ['article.published'],
      },
      { requireHttps: false, allowedHosts: DEV_RECEIVER },
    );
    const received = () =>
      receiver.to('/hooks/restart').map((r) => String(r.headers[WEBHOOK_HEADERS.eventId]));
    const connection = createRedisConnection(redis.url, 'producer');
    const notifications = new Queue('notifications', { connection, prefix });
    const ids = Array.from({ length: HOOKS }, (_, i) => `restart.hook.${i}`);
    try {
      // One attempt each (as the resilience suite queues them, and as any job on its last
      // attempt is): a fan-out cut short by Redis must not need a retry of its job to finish.
      await notifications.addBulk(
        ids.map((id) => ({
          name: 'notifications',
          data: articlePublished(id),
          opts: { jobId: id, attempts: 1 },
        })),
      );
      // Mid-way: the dispatcher is fanning out while deliveries go out.
      await waitUntil(() => received().length >= 20, {
        what: 'the first webhooks',
        timeoutMs: 120_000,
        intervalMs: 50,
      });
      await notifications.close();
      connection.disconnect();
      await restartRedis();
      const back = Date.now();
      // Well within the maintenance sweep's 10 minutes: recovery must not wait for it.
      await waitUntil(() => new Set(received()).size === HOOKS, {
        what: `${HOOKS} events delivered after the restart`,
        timeoutMs: 120_000,
        intervalMs: 250,
      }).catch(async (err: Error) => {
        const conn = createRedisConnection(redis.url);
        const dispatch = new Queue('notifications', { connection: conn, prefix });
        const counts = {
          notifications: await dispatch.getJobCounts(),
          failed: (await dispatch.getFailed(0, 2)).map((j) => j.failedReason),
          webhook: await new Queue('notifier-webhook', { connection: conn, prefix }).getJobCounts(),
        };
        conn.disconnect();
        throw new Error(
          `${err.message}: ${new Set(received()).size} delivered; ${JSON.stringify(counts)}`,
        );
      });
      const copies = new Map<string, number>();
      for (const id of received()) copies.set(id, (copies.get(id) ?? 0) + 1);
      expect([...copies.entries()].filter(([, n]) => n > 1)).toEqual([]);
      expect([...copies.keys()].sort()).toEqual(ids.map(eventId).sort());
      expect(notifier.process.running).toBe(true);
      console.info(`webhooks: all ${HOOKS} delivered ${Date.now() - back} ms after Redis returned`);
    } finally {
      connection.disconnect();
    }
  }, 300_000);
});
