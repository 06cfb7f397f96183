// The bulletin worker: publishes issues at their time, renders read-aloud audio, fans out mail.
import { syncIndexes } from '@portal/db';
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { startBulletinWorkers } from './jobs/start-workers';

await runWorker({ name: 'bulletin-worker', env }, async (rt) => {
  await syncIndexes(rt.conn);
  const running = await startBulletinWorkers(workersConfig(env), {
    conn: rt.conn,
    logger: rt.logger,
    queueHealth: rt.queueHealth,
  });
  rt.onClose(() => running.close());
});
