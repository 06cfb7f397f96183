import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { ReadinessCheck } from '@portal/http';
import type { Logger } from '@portal/logger';
import { Producer, RedisConnections, createWorker, type QueueHealth } from '@portal/queue';
import { ItemCounters } from '../counters/item-counters';
import { libraryModels } from '../models';
import { libraryAudienceCounter } from '../stats/library-stats';
import { createStorage, type StorageConfig } from '../storage/create-storage';
import { libraryEventsProcessor } from './library-events.processor';
import { MAINTENANCE_TASKS, libraryMaintenanceProcessor } from './library-maintenance.processor';

const SWEEP_EVERY_MS = 6 * 3600 * 1000;

export interface LibraryWorkersConfig {
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
  /** Where stored files live; the sweep removes unused ones. */
  storage: StorageConfig;
  /** How often pending view, download and try-it counts are folded into the database. */
  flushCountersEveryMs: number;
}

export interface RunningLibraryWorkers {
  workers: Worker[];
  /** The checks beyond database and Redis for the process's /readyz: the file storage. */
  readiness: ReadinessCheck[];
  /** Throws when Redis does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The library worker: folds view, download and try-it counts into the database, sweeps unused
 * files, and adds contest winners other services promote to the showcase. Owns its Redis
 * connections and its file storage; the database is the caller's.
 */
export async function startLibraryWorkers(
  config: LibraryWorkersConfig,
  deps: { conn: Connection; logger: Logger; queueHealth?: QueueHealth },
): Promise<RunningLibraryWorkers> {
  const { logger } = deps;
  const connections = new RedisConnections(config.redisUrl, logger);
  const redis = (role: 'worker' | 'producer') => connections.open(role);
  const storage = createStorage(config.storage);
  const producerRedis = redis('producer');
  const maintenance = new Producer('library-maintenance', producerRedis, config.queuePrefix);
  const counters = new ItemCounters(producerRedis, config.queuePrefix);
  const models = libraryModels(deps.conn);
  const audience = libraryAudienceCounter({
    conn: deps.conn,
    redis: producerRedis,
    keyPrefix: config.queuePrefix,
    logger,
  }).counter;
  const options = {
    prefix: config.queuePrefix,
    logger,
    concurrency: config.concurrency,
    health: deps.queueHealth,
  };
  const workers = [
    createWorker(
      'library-maintenance',
      libraryMaintenanceProcessor({ models, counters, storage, logger, audience }),
      { ...options, connection: redis('worker') },
    ),
    createWorker('library-events', libraryEventsProcessor({ models, logger }), {
      ...options,
      connection: redis('worker'),
    }),
  ];
  const { flushCounters, sweepStorage } = MAINTENANCE_TASKS;
  await maintenance.every('library-flush-counters', config.flushCountersEveryMs, {
    task: flushCounters,
  });
  await maintenance.every('library-sweep-storage', SWEEP_EVERY_MS, { task: sweepStorage });
  return {
    workers,
    readiness: [{ name: 'storage', check: () => storage.checkReady() }],
    ping: async () => void (await producerRedis.ping()),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await maintenance.close();
      await storage.close();
      connections.disconnectAll();
    },
  };
}
