// The forum worker: thread events from other services (referrals) and periodic maintenance.
import { syncIndexes } from '@portal/db';
import { runWorker } from '@portal/service-runtime';
import { loadWorkerEnv } from './env';
import { forumEventsProcessor } from './jobs/forum-events.processor';
import { MAINTENANCE_TASKS, forumMaintenanceProcessor } from './jobs/forum-maintenance.processor';
import { forumModels } from './models';
import { forumViewCounter } from './stats/forum-stats.service';

const env = loadWorkerEnv();
await runWorker({ name: 'forum-worker', env }, async (rt) => {
  const models = forumModels(rt.conn);
  await syncIndexes(rt.conn);
  const notify = { webBaseUrl: env.WEB_BASE_URL, batchSize: env.FORUM_NOTIFY_BATCH_SIZE };
  const notifications = rt.producer('notifications');
  rt.worker(
    'forum-events',
    forumEventsProcessor({ models, notifications, notify, logger: rt.logger }),
  );
  const views = forumViewCounter({
    conn: rt.conn,
    redis: rt.redis,
    keyPrefix: env.QUEUE_PREFIX,
    logger: rt.logger,
  }).counter;
  const runMaintenance = forumMaintenanceProcessor({ models, logger: rt.logger, views });
  rt.worker('forum-maintenance', (payload) => runMaintenance(payload), { concurrency: 1 });
  for (const [task, { everyMs }] of Object.entries(MAINTENANCE_TASKS))
    await rt.every('forum-maintenance', `forum-${task}`, everyMs, { task });
});
