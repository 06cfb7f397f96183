import {
  WorkerSet,
  type RunningWorkers,
  type WorkersDeps,
  type WorkersQueueConfig,
} from '@portal/queue';
import { contentReportParts, createContent } from '../content-services';
import type { ContentServices } from '../context';
import { graphPortalStatsSource, type RemotePart } from '../reports/portal-stats-source';
import type { ContentQueues } from './content-queues';
import {
  MAINTENANCE_TASKS,
  SYNC_CONTRIBUTIONS_EVERY_MS,
  createMaintenanceProcessor,
} from './content-maintenance.processor';
import { createPublishProcessor } from './content-publish.processor';
import { MONTHLY_REPORT_SCHEDULE, createReportsProcessor } from './content-reports.processor';

export interface ContentWorkersConfig extends WorkersQueueConfig {
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

export interface RunningContentWorkers extends RunningWorkers {
  services: ContentServices;
  queues: ContentQueues;
}

/**
 * The content worker: scheduled publications, the views flush and the reconcile sweep, and
 * the monthly report for leaders. Owns its Redis connections; the database is the caller's.
 */
export async function startContentWorkers(
  config: ContentWorkersConfig,
  deps: WorkersDeps,
): Promise<RunningContentWorkers> {
  const set = new WorkerSet(config, deps);
  const { logger } = set;
  const { queues, services } = createContent({
    conn: set.conn,
    redis: set.redis,
    prefix: config.queuePrefix,
    webBaseUrl: config.webBaseUrl,
    viewDedupeSeconds: config.viewDedupeSeconds,
    logger,
    now: set.now,
  });
  set.onClose(() => queues.close());
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
  set.worker('content-publish', createPublishProcessor(publication, logger));
  // One maintenance job at a time: the flush also takes a Redis lock, so extra workers are safe.
  set.worker(
    'content-maintenance',
    createMaintenanceProcessor({
      views,
      publication,
      outbox: queues.outbox,
      models: services.models,
      logger,
    }),
    { concurrency: 1 },
  );
  set.worker(
    'content-reports',
    createReportsProcessor({ reports: services.monthlyReports, source, logger }),
    { concurrency: 1 },
  );
  const { flushViews, reconcile, syncContributions } = MAINTENANCE_TASKS;
  await queues.maintenance.every('content-flush-views', config.flushViewsEveryMs, {
    task: flushViews,
  });
  await queues.maintenance.every('content-reconcile', config.reconcileEveryMs, {
    task: reconcile,
  });
  await queues.maintenance.every('content-sync-contributions', SYNC_CONTRIBUTIONS_EVERY_MS, {
    task: syncContributions,
  });
  // One scheduler id for every worker and restart: BullMQ makes one job per month-end slot.
  const { schedulerId, pattern, tz } = MONTHLY_REPORT_SCHEDULE;
  await queues.reports.cron(schedulerId, pattern, tz, { month: null });
  queues.outbox.start();
  return { ...set.running(), services, queues };
}
