// The forum worker: thread events from other services (referrals) and periodic maintenance.
import { runWorker } from '@portal/service-runtime';
import { loadWorkerEnv, workersConfig } from './env';
import { startForumWorkers } from './jobs/start-workers';
import { forumModels } from './models';

const env = loadWorkerEnv();
await runWorker({ name: 'forum-worker', env }, async (rt) => {
  await forumModels.prepare(rt.conn);
  return startForumWorkers(workersConfig(env), rt);
});
