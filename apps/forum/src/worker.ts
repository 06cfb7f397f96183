// The forum worker: thread events from other services (referrals) and periodic maintenance.
import { syncIndexes } from '@portal/db';
import { runWorker } from '@portal/service-runtime';
import { loadWorkerEnv, workersConfig } from './env';
import { startForumWorkers } from './jobs/start-workers';
import { forumModels } from './models';

const env = loadWorkerEnv();
await runWorker({ name: 'forum-worker', env }, async (rt) => {
  // syncIndexes builds the indexes of the models the connection has: register them first.
  forumModels(rt.conn);
  await syncIndexes(rt.conn);
  const running = await startForumWorkers(workersConfig(env), {
    conn: rt.conn,
    logger: rt.logger,
    queueHealth: rt.queueHealth,
  });
  rt.onClose(() => running.close());
});
