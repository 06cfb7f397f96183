import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { RedisConnections, createWorker, type QueueHealth } from '@portal/queue';
import { contentReportParts, createContentServices } from '../content-services';
import type { ContentServices } from '../context';
import { graphPortalStatsSource, type RemotePart } from '../reports/portal-stats-source';
import { createContentQueues, type ContentQueues } from './content-queues';
import { MAINTENANCE_TASKS, createMaintenanceProcessor } from './content-maintenance.processor';
import { createPublishProcessor } from './content-publish.processor';
import { MONTHLY_REPORT_SCHEDULE, createReportsProcessor } from './content-reports.processor';

export interface ContentWorkersConfig {
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
  webBaseUrl: string;
  viewDedupeSeconds: number;
  /** How often pending view counts are folded into the statistics. */
  flushViewsEveryMs: number;
  /** How often missed publications and webhooks are swept up. */
  reconcileEveryMs: number;
  /** The subgraphs (GraphQL endpoints) whose parts of the portal statistics the monthly report reads. */
  reportParts: Partial<Record<RemotePart, string>>;
  internalTokenSecret: string;
}

export interface RunningContentWorkers {
  services: ContentServices;
  queues: ContentQueues;
  workers: Worker[];
  /** Throws when Redis does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The content worker: scheduled publications, the views flush and the reconcile sweep, and
 * the monthly report for leaders. Owns its Redis connections; the database is the caller's.
 */
export async function startContentWorkers(
  config: ContentWorkersConfig,
  deps: { conn: Connection; logger: Logger; now?: () => Date; queueHealth?: QueueHealth },
): Promise<RunningContentWorkers> {
  const { logger } = deps;
  const connections = new RedisConnections(config.redisUrl, logger);
  const redis = (role: 'worker' | 'producer') => connections.open(role);
  const producerRedis = redis('producer');
  const queues = createContentQueues(deps.conn, producerRedis, config.queuePrefix, logger);
  const services = createContentServices({
    conn: deps.conn,
    redis: producerRedis,
    queues,
    webBaseUrl: config.webBaseUrl,
    keyPrefix: config.queuePrefix,
    viewDedupeSeconds: config.viewDedupeSeconds,
    logger,
    now: deps.now,
  });
  const { publication, views } = services;
  // The monthly report for leaders (issue 21). Content owns it: it serves portalStats, holds
  // the editors' side of the portal, and its worker already runs the periodic jobs; the other
  // parts are read from their subgraphs as a trusted service, as the gateway would join them.
  const source = graphPortalStatsSource({
    local: contentReportParts(services),
    urls: config.reportParts,
    internalTokenSecret: config.internalTokenSecret,
    logger,
  });
  const options = {
    prefix: config.queuePrefix,
    logger,
    concurrency: config.concurrency,
    health: deps.queueHealth,
  };
  const workers = [
    createWorker('content-publish', createPublishProcessor(publication, logger), {
      ...options,
      connection: redis('worker'),
    }),
    // One maintenance job at a time: the flush also takes a Redis lock, so extra workers are safe.
    createWorker(
      'content-maintenance',
      createMaintenanceProcessor({ views, publication, outbox: queues.outbox, logger }),
      { ...options, concurrency: 1, connection: redis('worker') },
    ),
    createWorker(
      'content-reports',
      createReportsProcessor({ reports: services.monthlyReports, source, logger }),
      { ...options, concurrency: 1, connection: redis('worker') },
    ),
  ];
  const { flushViews, reconcile } = MAINTENANCE_TASKS;
  await queues.maintenance.every('content-flush-views', config.flushViewsEveryMs, {
    task: flushViews,
  });
  await queues.maintenance.every('content-reconcile', config.reconcileEveryMs, {
    task: reconcile,
  });
  // One scheduler id for every worker and restart: BullMQ makes one job per month-end slot.
  const { schedulerId, pattern, tz } = MONTHLY_REPORT_SCHEDULE;
  await queues.reports.cron(schedulerId, pattern, tz, { month: null });
  queues.outbox.start();
  return {
    services,
    queues,
    workers,
    ping: async () => void (await producerRedis.ping()),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      connections.disconnectAll();
    },
  };
}
