// The content worker: scheduled publications, the views flush and the reconcile sweep.
import { runWorker } from '@portal/service-runtime';
import { contentReportParts, openContent } from './content-services';
import { env } from './env';
import {
  MAINTENANCE_TASKS,
  createMaintenanceProcessor,
} from './jobs/content-maintenance.processor';
import { createPublishProcessor } from './jobs/content-publish.processor';
import { MONTHLY_REPORT_SCHEDULE, createReportsProcessor } from './jobs/content-reports.processor';
import { graphPortalStatsSource } from './reports/portal-stats-source';

await runWorker({ name: 'content-worker', env }, async (rt) => {
  const { queues, services } = await openContent(rt);
  const { publication, views } = services;
  rt.worker('content-publish', createPublishProcessor(publication, rt.logger));
  // One maintenance job at a time: the flush also takes a Redis lock, so extra workers are safe.
  const maintenance = createMaintenanceProcessor({
    views,
    publication,
    outbox: queues.outbox,
    logger: rt.logger,
  });
  rt.worker('content-maintenance', maintenance, { concurrency: 1 });
  const { flushViews, reconcile } = MAINTENANCE_TASKS;
  const every = (id: string, ms: number, task: string) =>
    rt.every('content-maintenance', id, ms, { task });
  await every('content-flush-views', env.CONTENT_VIEW_FLUSH_INTERVAL_MS, flushViews);
  await every('content-reconcile', env.CONTENT_RECONCILE_INTERVAL_MS, reconcile);
  // The monthly report for leaders (issue 21). Content owns it: it serves portalStats, holds
  // the editors' side of the portal, and its worker already runs the periodic jobs; the other
  // parts are read from their subgraphs as a trusted service, as the gateway would join them.
  const source = graphPortalStatsSource({
    local: contentReportParts(services),
    urls: {
      library: `${env.LIBRARY_URL}/graphql`,
      forum: `${env.FORUM_URL}/graphql`,
      bulletin: `${env.BULLETIN_URL}/graphql`,
      referral: `${env.REFERRAL_URL}/graphql`,
    },
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    logger: rt.logger,
  });
  rt.worker(
    'content-reports',
    createReportsProcessor({ reports: services.monthlyReports, source, logger: rt.logger }),
    { concurrency: 1 },
  );
  // One scheduler id for every worker and restart: BullMQ makes one job per month-end slot.
  const { schedulerId, pattern, tz } = MONTHLY_REPORT_SCHEDULE;
  await queues.reports.cron(schedulerId, pattern, tz, { month: null });
  queues.outbox.start();
});
