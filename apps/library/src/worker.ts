// The library worker: folds view, download and try-it counts into the database, sweeps unused
// files, and adds contest winners other services promote to the showcase.
import { runWorker } from '@portal/service-runtime';
import { ItemCounters } from './counters/item-counters';
import { loadLibraryEnv, storageConfig } from './env';
import {
  libraryMaintenanceProcessor,
  MAINTENANCE_TASKS,
} from './jobs/library-maintenance.processor';
import { libraryEventsProcessor } from './jobs/library-events.processor';
import { libraryModels } from './models';
import { createStorage } from './storage/create-storage';

const SWEEP_EVERY_MS = 6 * 3600 * 1000;

const env = loadLibraryEnv();
await runWorker({ name: 'library-worker', env }, async (rt) => {
  const storage = createStorage(storageConfig(env));
  rt.onClose(() => storage.close());
  rt.addReadiness({ name: 'storage', check: () => storage.checkReady() });
  const counters = new ItemCounters(rt.redis, env.QUEUE_PREFIX);
  const models = libraryModels(rt.conn);
  rt.worker(
    'library-maintenance',
    libraryMaintenanceProcessor({ models, counters, storage, logger: rt.logger }),
  );
  rt.worker('library-events', libraryEventsProcessor({ models, logger: rt.logger }));
  const { flushCounters, sweepStorage } = MAINTENANCE_TASKS;
  const flushMs = env.LIBRARY_COUNTER_FLUSH_SECONDS * 1000;
  await rt.every('library-maintenance', 'library-flush-counters', flushMs, { task: flushCounters });
  await rt.every('library-maintenance', 'library-sweep-storage', SWEEP_EVERY_MS, {
    task: sweepStorage,
  });
});
