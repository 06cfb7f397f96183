// The library worker: folds view, download and try-it counts into the database, sweeps unused
// files, and adds contest winners other services promote to the showcase.
import { runWorker } from '@portal/service-runtime';
import { loadLibraryEnv, workersConfig } from './env';
import { startLibraryWorkers } from './jobs/start-workers';

const env = loadLibraryEnv();
await runWorker({ name: 'library-worker', env }, async (rt) => {
  const running = await startLibraryWorkers(workersConfig(env), rt);
  for (const check of running.readiness) rt.addReadiness(check);
  return running;
});
