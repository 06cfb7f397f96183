// The bulletin worker: publishes issues at their time, renders read-aloud audio, fans out mail.
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { startBulletinWorkers } from './jobs/start-workers';
import { bulletinModels } from './models';

await runWorker({ name: 'bulletin-worker', env }, async (rt) => {
  await bulletinModels.prepare(rt.conn);
  return startBulletinWorkers(workersConfig(env), rt);
});
