import type { Job } from 'bullmq';
import { Registry } from 'prom-client';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '@portal/logger';
import { Producer, createRedisConnection, type NotificationPayload } from '@portal/queue';
import {
  testServices,
  uniqueName,
  useTestDatabase,
  waitUntil,
  type TestDatabase,
} from '@portal/testing';
import type { NotifierConfig } from '../../src/config';
import { parseAllowList } from '../../src/domain/webhook-address';
import type { DeliveryDoc } from '../../src/models/delivery.model';
import { startNotifier, type RunningNotifier } from '../../src/notifier';

/** The tests' receivers listen on loopback: the allow-list a development setup uses. */
export const DEV_RECEIVER = parseAllowList('127.0.0.1');

export const MAIL_FROM = 'Cổng thông tin Chuyển đổi số TP.HCM <no-reply@cds.hochiminhcity.gov.vn>';

/** Small delays and few attempts, so retries happen within a test. */
export function testConfig(overrides: {
  queuePrefix: string;
  smtpUrl: string;
  email?: Partial<NotifierConfig['email']>;
  webhook?: Partial<NotifierConfig['webhook']>;
  claimTtlMs?: number;
}): NotifierConfig {
  return {
    queuePrefix: overrides.queuePrefix,
    webBaseUrl: 'https://cds.hochiminhcity.gov.vn',
    mailFrom: MAIL_FROM,
    smtp: { url: overrides.smtpUrl, timeoutMs: 2000 },
    dispatchConcurrency: 2,
    email: {
      concurrency: 4,
      ratePerSecond: 1000,
      maxAttempts: 4,
      retryDelayMs: 100,
      ...overrides.email,
    },
    webhook: {
      concurrency: 4,
      ratePerSecond: 1000,
      maxAttempts: 4,
      retryDelayMs: 100,
      timeoutMs: 1000,
      disableAfterFailures: 50,
      allowedHosts: DEV_RECEIVER,
      ...overrides.webhook,
    },
    claimTtlMs: overrides.claimTtlMs ?? 10_000,
    lockDurationMs: 5000,
    stalledIntervalMs: 5000,
    maintenance: { intervalMs: 3_600_000, retentionDays: 90 },
  };
}

export interface TestNotifier {
  notifier: RunningNotifier;
  config: NotifierConfig;
  registry: Registry;
  notifications: Producer<'notifications'>;
  models: RunningNotifier['ctx']['models'];
  /** Enqueues a notification job (the producers' side of the contract). */
  send(payload: NotificationPayload, jobId?: string): Promise<string>;
  /** Waits until every queue is idle: nothing waiting, active or delayed. */
  idle(): Promise<void>;
  deliveries(filter?: Record<string, unknown>): Promise<DeliveryDoc[]>;
  close(): Promise<void>;
}

const logger = createLogger({
  service: 'notifier-test',
  level: process.env.PORTAL_TEST_LOGS === '1' ? 'debug' : 'silent',
  pretty: false,
});

/** What a test gives the notifier: its SMTP server, and how it departs from `testConfig`. */
export type TestNotifierOptions = Omit<Parameters<typeof testConfig>[0], 'queuePrefix'>;

/**
 * One test file's notifier (or one `describe`'s), in this process on a database of its own.
 * `start` starts what the notifier talks to (an SMTP sink, a partner's receiver), registering
 * each one's stop with `onClose`, and answers the notifier's `options` beside whatever the
 * tests reach; all of it lands on the handle, filled in `beforeAll`. After the tests the
 * notifier closes first, then the rest in reverse order.
 */
export function useTestNotifier<X extends object>(
  label: string,
  start: (onClose: (close: () => unknown) => void) => Promise<{ options: TestNotifierOptions } & X>,
): TestNotifier & Omit<X, 'options'> {
  const db = useTestDatabase(label);
  const closers: (() => unknown)[] = [];
  const handle = {} as TestNotifier & X;
  let notifier: TestNotifier | undefined;
  beforeAll(async () => {
    const { options, ...reached } = await start((close) => void closers.push(close));
    notifier = await startTestNotifier(db, options);
    Object.assign(handle, reached, notifier);
  });
  afterAll(async () => {
    await notifier?.close();
    for (const close of closers.reverse()) await close();
  });
  return handle;
}

/** The notifier running in this process against the test's FerretDB, Redis and SMTP server. */
async function startTestNotifier(
  db: TestDatabase,
  options: TestNotifierOptions,
): Promise<TestNotifier> {
  const { redisUrl } = testServices();
  const config = testConfig({ ...options, queuePrefix: uniqueName('notifier') });
  const registry = new Registry();
  const notifier = await startNotifier(config, {
    conn: await db.connection(),
    redisUrl,
    logger,
    registry,
  });
  const producerRedis = createRedisConnection(redisUrl, 'producer');
  const notifications = new Producer('notifications', producerRedis, config.queuePrefix);
  let n = 0;
  const queues = [
    notifications.queue,
    notifier.ctx.queues.email.queue,
    notifier.ctx.queues.webhook.queue,
  ];
  return {
    notifier,
    config,
    registry,
    notifications,
    models: notifier.ctx.models,
    send: (payload, jobId) =>
      notifications.enqueue(payload, { jobId: jobId ?? `test.${payload.notificationId}.${++n}` }),
    idle: async () => {
      await waitUntil(
        async () => {
          for (const q of queues) {
            const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
            if (c.waiting || c.active || c.delayed || c.prioritized) return false;
          }
          return true;
        },
        { what: 'queues to be idle', timeoutMs: 30_000 },
      );
    },
    deliveries: (filter = {}) =>
      notifier.ctx.models.Delivery.find(filter).sort({ targetId: 1 }).lean<DeliveryDoc[]>().exec(),
    close: async () => {
      await notifier.close();
      await notifications.close();
      producerRedis.disconnect();
    },
  };
}

/** A job's final state and reason, for assertions on failed jobs. */
export async function jobOutcome(job: Job | undefined) {
  if (!job) return undefined;
  return { state: await job.getState(), reason: job.failedReason, attempts: job.attemptsMade };
}
