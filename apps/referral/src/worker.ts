// The referral worker: dispatch to the hotline (with retries) and periodic maintenance.
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { startReferralWorkers } from './jobs/start-workers';
import { prepareDatabase } from './models';

await runWorker({ name: 'referral-worker', env }, async (rt) => {
  await prepareDatabase(rt.conn);
  const running = await startReferralWorkers(workersConfig(env), {
    conn: rt.conn,
    logger: rt.logger,
  });
  rt.onClose(() => running.close());
});
