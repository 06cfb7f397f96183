// The referral worker: dispatch to the hotline (with retries), periodic maintenance, and the
// SLA-breach metrics on its ops /metrics.
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { registerSlaMetrics } from './jobs/sla-metrics';
import { startReferralWorkers } from './jobs/start-workers';
import { referralModels } from './models';

await runWorker({ name: 'referral-worker', env }, async (rt) => {
  await referralModels.prepare(rt.conn);
  const running = await startReferralWorkers(workersConfig(env), rt);
  registerSlaMetrics(rt.metrics.registry, { models: running.core.models, logger: rt.logger });
  return running;
});
