// The content worker: scheduled publications, the views flush and the reconcile sweep.
import { runWorker } from '@portal/service-runtime';
import { openContent } from './content-services';
import { env } from './env';
import {
  MAINTENANCE_TASKS,
  createMaintenanceProcessor,
} from './jobs/content-maintenance.processor';
import { createPublishProcessor } from './jobs/content-publish.processor';

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
  queues.outbox.start();
});
