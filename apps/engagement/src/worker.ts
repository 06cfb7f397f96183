// The engagement worker: event reminders and notices, and the outbox relay.
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { startEngagementWorkers } from './jobs/start-workers';
import { prepareDatabase } from './models';

await runWorker({ name: 'engagement-worker', env }, async (rt) => {
  await prepareDatabase(rt.conn);
  return startEngagementWorkers(workersConfig(env), rt);
});
