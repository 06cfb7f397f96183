// The engagement worker: event reminders and notices, and the outbox relay.
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { startEngagementWorkers } from './jobs/start-workers';
import { engagementModels } from './models';

await runWorker({ name: 'engagement-worker', env }, async (rt) => {
  await engagementModels.prepare(rt.conn);
  return startEngagementWorkers(workersConfig(env), rt);
});
