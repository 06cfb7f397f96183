import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { Producer, RedisConnections, createWorker, type QueueHealth } from '@portal/queue';
import { renderSpeech, type SpeechRendererConfig } from '../audio/speech-renderer';
import { createContentArticles } from '../content/content-articles';
import { bulletinModels } from '../models';
import { allCounters, bulletinCounters } from '../stats/bulletin-stats.service';
import {
  MAINTENANCE_TASKS,
  createBulletinMaintenanceProcessor,
} from './bulletin-maintenance.processor';
import { createBulletinPublishProcessor } from './bulletin-publish.processor';

export interface BulletinWorkersConfig {
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
  publicBaseUrl: string;
  webBaseUrl: string;
  /** How the worker reaches the content subgraph (as a trusted service). */
  content: { contentUrl: string; internalTokenSecret: string };
  tts: SpeechRendererConfig;
  /** Signs the confirmation and unsubscribe links in mail. */
  subscriptionTokenSecret: string;
  /** Recipients per `notifications` e-mail job. */
  fanoutBatchSize: number;
}

export interface RunningBulletinWorkers {
  workers: Worker[];
  /** Throws when Redis does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const MINUTE = 60_000;

/**
 * The bulletin worker: publishes issues at their time, renders read-aloud audio, fans out
 * mail, flushes the view counters and forgets unconfirmed addresses. Owns its Redis
 * connections; the database is the caller's.
 */
export async function startBulletinWorkers(
  config: BulletinWorkersConfig,
  deps: { conn: Connection; logger: Logger; queueHealth?: QueueHealth },
): Promise<RunningBulletinWorkers> {
  const { logger } = deps;
  const connections = new RedisConnections(config.redisUrl, logger);
  const redis = (role: 'worker' | 'producer') => connections.open(role);
  const producerRedis = redis('producer');
  const notifications = new Producer('notifications', producerRedis, config.queuePrefix);
  const publishProducer = new Producer('bulletin-publish', producerRedis, config.queuePrefix);
  const maintenanceProducer = new Producer(
    'bulletin-maintenance',
    producerRedis,
    config.queuePrefix,
  );
  const models = bulletinModels(deps.conn);
  const counters = allCounters(
    bulletinCounters({
      conn: deps.conn,
      redis: producerRedis,
      keyPrefix: config.queuePrefix,
      logger,
    }),
  );
  const options = {
    prefix: config.queuePrefix,
    logger,
    concurrency: config.concurrency,
    health: deps.queueHealth,
  };
  const workers = [
    createWorker(
      'bulletin-publish',
      createBulletinPublishProcessor({
        models,
        content: createContentArticles({ ...config.content, logger }),
        renderSpeech: (text, fileName) => renderSpeech(text, fileName, config.tts),
        notifications,
        links: { publicBaseUrl: config.publicBaseUrl, webBaseUrl: config.webBaseUrl },
        tokenSecret: config.subscriptionTokenSecret,
        batchSize: config.fanoutBatchSize,
        logger,
      }),
      // Rendering a long issue's audio takes a while; keep the lock well past it.
      { ...options, lockDurationMs: 5 * MINUTE, connection: redis('worker') },
    ),
    createWorker(
      'bulletin-maintenance',
      createBulletinMaintenanceProcessor({ models, publishProducer, logger, counters }),
      { ...options, concurrency: 1, connection: redis('worker') },
    ),
  ];
  const { publishOverdue, purgeUnconfirmed, flushCounters } = MAINTENANCE_TASKS;
  await maintenanceProducer.every('bulletin-publish-overdue', MINUTE, { task: publishOverdue });
  await maintenanceProducer.every('bulletin-flush-counters', MINUTE, { task: flushCounters });
  await maintenanceProducer.every('bulletin-purge-unconfirmed', 6 * 60 * MINUTE, {
    task: purgeUnconfirmed,
  });
  return {
    workers,
    ping: async () => void (await producerRedis.ping()),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([
        notifications.close(),
        publishProducer.close(),
        maintenanceProducer.close(),
      ]);
      connections.disconnectAll();
    },
  };
}
