import type { ReadinessCheck } from '@portal/http';
import {
  WorkerSet,
  type RunningWorkers,
  type WorkersDeps,
  type WorkersQueueConfig,
} from '@portal/queue';
import { ItemCounters } from '../counters/item-counters';
import { libraryModels } from '../models';
import { libraryAudienceCounter } from '../stats/library-stats';
import { createStorage, type StorageConfig } from '../storage/create-storage';
import { libraryEventsProcessor } from './library-events.processor';
import { MAINTENANCE_TASKS, libraryMaintenanceProcessor } from './library-maintenance.processor';

const SWEEP_EVERY_MS = 6 * 3600 * 1000;

export interface LibraryWorkersConfig extends WorkersQueueConfig {
  /** Where stored files live; the sweep removes unused ones. */
  storage: StorageConfig;
  /** How often pending view, download and try-it counts are folded into the database. */
  flushCountersEveryMs: number;
}

export interface RunningLibraryWorkers extends RunningWorkers {
  /** The checks beyond database and Redis for the process's /readyz: the file storage. */
  readiness: ReadinessCheck[];
}

/**
 * The library worker: folds view, download and try-it counts into the database, sweeps unused
 * files, and adds contest winners other services promote to the showcase. Owns its Redis
 * connections and its file storage; the database is the caller's.
 */
export async function startLibraryWorkers(
  config: LibraryWorkersConfig,
  deps: WorkersDeps,
): Promise<RunningLibraryWorkers> {
  const set = new WorkerSet(config, deps);
  const { logger } = set;
  const storage = createStorage(config.storage);
  set.onClose(() => storage.close());
  const counters = new ItemCounters(set.redis, config.queuePrefix);
  const models = libraryModels(set.conn);
  const audience = libraryAudienceCounter(set.counters()).counter;
  set.worker(
    'library-maintenance',
    libraryMaintenanceProcessor({ models, counters, storage, logger, audience }),
  );
  set.worker('library-events', libraryEventsProcessor({ models, logger }));
  const { flushCounters, sweepStorage } = MAINTENANCE_TASKS;
  await set.every('library-maintenance', 'library-flush-counters', config.flushCountersEveryMs, {
    task: flushCounters,
  });
  await set.every('library-maintenance', 'library-sweep-storage', SWEEP_EVERY_MS, {
    task: sweepStorage,
  });
  return {
    ...set.running(),
    readiness: [{ name: 'storage', check: () => storage.checkReady() }],
  };
}
