import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import type { Logger } from '@portal/logger';
import { Producer, QueueHealth, createRedisConnection, createWorker } from '@portal/queue';
import type { NotifierConfig } from './config';
import type { NotifierContext } from './context';
import { DeliveryLog } from './delivery/delivery-log';
import { createMailTransport } from './delivery/mailer';
import { MessageStore } from './delivery/message-store';
import { createNotifierMetrics } from './metrics';
import { notifierModels } from './models';
import { emailDeliveryProcessor } from './jobs/email-delivery.processor';
import { maintenanceProcessor, sweep, type SweepResult } from './jobs/maintenance.processor';
import { notificationDispatchProcessor } from './jobs/notification-dispatch.processor';
import { webhookDeliveryProcessor } from './jobs/webhook-delivery.processor';

export interface NotifierDeps {
  conn: Connection;
  redisUrl: string;
  logger: Logger;
  /** Where the notifier's metrics go (the ops server's registry). */
  registry: Registry;
  /** The process's queue health (runWorker's); without it the notifier makes its own on `registry`. */
  queueHealth?: QueueHealth;
}

export interface RunningNotifier {
  ctx: NotifierContext;
  workers: Worker[];
  /** Runs the maintenance sweep now (the scheduler runs it every NOTIFIER_MAINTENANCE_INTERVAL_MS). */
  sweep(options?: { stuckAfterMs?: number }): Promise<SweepResult>;
  /** Stops taking jobs, lets jobs in flight finish, and closes the SMTP pool and Redis. */
  close(): Promise<void>;
}

/**
 * Starts the notifier's workers on an open database connection: the `notifications`
 * dispatcher, one delivery worker per channel (each with its own concurrency, rate limit and
 * retry policy), and the maintenance sweep.
 */
export async function startNotifier(
  config: NotifierConfig,
  deps: NotifierDeps,
): Promise<RunningNotifier> {
  const logger = deps.logger;
  const models = await notifierModels.prepare(deps.conn);

  const workerRedis = createRedisConnection(deps.redisUrl, 'worker');
  const producerRedis = createRedisConnection(deps.redisUrl, 'producer');
  for (const c of [workerRedis, producerRedis])
    c.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const prefix = config.queuePrefix;
  // Deliveries are enqueued from inside jobs (the fan-out, the sweep), where Redis going away
  // is a pause, not a failure: on the workers' connection the enqueue waits for Redis to
  // return, as the job's own completion does. On the fail-fast connection a fan-out under way
  // failed its job, and on its last attempt its recorded deliveries waited for the sweep.
  const queues = {
    email: new Producer('notifier-email', workerRedis, prefix),
    webhook: new Producer('notifier-webhook', workerRedis, prefix),
  };
  const maintenance = new Producer('notifier-maintenance', producerRedis, prefix);

  const metrics = createNotifierMetrics(deps.registry);
  const queueHealth = deps.queueHealth ?? new QueueHealth(deps.registry, producerRedis, logger);
  const mailer = createMailTransport(config);
  const ctx: NotifierContext = {
    config,
    models,
    deliveries: new DeliveryLog(models, config.claimTtlMs),
    messages: new MessageStore(models.Message),
    mailer,
    logger,
    metrics,
    queues,
  };

  const common = {
    connection: workerRedis,
    prefix,
    logger,
    lockDurationMs: config.lockDurationMs,
    stalledIntervalMs: config.stalledIntervalMs,
    health: queueHealth,
  };
  const workers = [
    createWorker('notifications', notificationDispatchProcessor(ctx), {
      ...common,
      concurrency: config.dispatchConcurrency,
    }),
    createWorker('notifier-email', emailDeliveryProcessor(ctx), {
      ...common,
      concurrency: config.email.concurrency,
      limiter: { max: config.email.ratePerSecond, duration: 1000 },
    }),
    createWorker('notifier-webhook', webhookDeliveryProcessor(ctx), {
      ...common,
      concurrency: config.webhook.concurrency,
      limiter: { max: config.webhook.ratePerSecond, duration: 1000 },
    }),
    createWorker('notifier-maintenance', maintenanceProcessor(ctx), { ...common, concurrency: 1 }),
  ];
  await maintenance.every('notifier-maintenance.sweep', config.maintenance.intervalMs, {
    task: 'sweep',
  });

  let closing: Promise<void> | undefined;
  return {
    ctx,
    workers,
    sweep: (options) => sweep(ctx, options),
    close: () =>
      (closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all([maintenance, queues.email, queues.webhook].map((p) => p.close()));
        mailer.close();
        if (!deps.queueHealth) await queueHealth.close();
        await Promise.all([workerRedis.quit(), producerRedis.quit()].map((p) => p.catch(() => {})));
      })()),
  };
}
