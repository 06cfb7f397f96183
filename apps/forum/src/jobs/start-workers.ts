import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { Producer, RedisConnections, createWorker, type QueueHealth } from '@portal/queue';
import { forumModels } from '../models';
import { forumViewCounter } from '../stats/forum-stats.service';
import { forumEventsProcessor } from './forum-events.processor';
import { MAINTENANCE_TASKS, forumMaintenanceProcessor } from './forum-maintenance.processor';

export interface ForumWorkersConfig {
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
  /** The portal's web address, for links in notifications. */
  webBaseUrl: string;
  /** Recipients per `notifications` job. */
  notifyBatchSize: number;
}

export interface RunningForumWorkers {
  workers: Worker[];
  /** Throws when Redis does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The forum worker: thread events from other services (referrals) and periodic maintenance
 * (vote recounts, duplicate-claim cleanup, the views flush). Owns its Redis connections; the
 * database is the caller's.
 */
export async function startForumWorkers(
  config: ForumWorkersConfig,
  deps: { conn: Connection; logger: Logger; queueHealth?: QueueHealth },
): Promise<RunningForumWorkers> {
  const { logger } = deps;
  const connections = new RedisConnections(config.redisUrl, logger);
  const redis = (role: 'worker' | 'producer') => connections.open(role);
  const producerRedis = redis('producer');
  const notifications = new Producer('notifications', producerRedis, config.queuePrefix);
  const maintenance = new Producer('forum-maintenance', producerRedis, config.queuePrefix);
  const models = forumModels(deps.conn);
  const notify = { webBaseUrl: config.webBaseUrl, batchSize: config.notifyBatchSize };
  const views = forumViewCounter({
    conn: deps.conn,
    redis: producerRedis,
    keyPrefix: config.queuePrefix,
    logger,
  }).counter;
  const runMaintenance = forumMaintenanceProcessor({ models, logger, views });
  const options = {
    prefix: config.queuePrefix,
    logger,
    concurrency: config.concurrency,
    health: deps.queueHealth,
  };
  const workers = [
    createWorker('forum-events', forumEventsProcessor({ models, notifications, notify, logger }), {
      ...options,
      connection: redis('worker'),
    }),
    createWorker('forum-maintenance', (payload) => runMaintenance(payload), {
      ...options,
      concurrency: 1,
      connection: redis('worker'),
    }),
  ];
  for (const [task, { everyMs }] of Object.entries(MAINTENANCE_TASKS))
    await maintenance.every(`forum-${task}`, everyMs, { task });
  return {
    workers,
    ping: async () => void (await producerRedis.ping()),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([notifications.close(), maintenance.close()]);
      connections.disconnectAll();
    },
  };
}
