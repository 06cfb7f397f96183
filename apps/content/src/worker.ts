// The content worker: scheduled publications, the views flush, the reconcile sweep and the
// monthly report.
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { startContentWorkers } from './jobs/start-workers';
import { contentModels } from './models';

await runWorker({ name: 'content-worker', env }, async (rt) => {
  await contentModels.prepare(rt.conn);
  return startContentWorkers(workersConfig(env), rt);
});
