import {
  Outbox,
  WorkerSet,
  type RunningWorkers,
  type WorkersDeps,
  type WorkersQueueConfig,
} from '@portal/queue';
import { createEngagementCore, type EngagementCore } from '../services';
import { eventJobsProcessor } from './event-jobs.processor';
import { closeProducers, createProducers, type EngagementProducers } from './producers';

export interface EngagementWorkersConfig extends WorkersQueueConfig {
  webBaseUrl: string;
  internalTokenSecret: string;
  outboxRelayMs?: number;
}

export interface RunningEngagementWorkers extends RunningWorkers {
  core: EngagementCore;
  producers: EngagementProducers;
  outbox: Outbox;
}

/**
 * The engagement worker: event reminders and notices, and the outbox relay for jobs the
 * subgraph could not hand to Redis. Owns its Redis connections; the database is the caller's.
 */
export async function startEngagementWorkers(
  config: EngagementWorkersConfig,
  deps: WorkersDeps,
): Promise<RunningEngagementWorkers> {
  const set = new WorkerSet(config, deps);
  const { conn, logger, now } = set;
  const producers = createProducers(set.redis, config.queuePrefix);
  set.onClose(() => closeProducers(producers));
  const outbox = new Outbox(conn, producers, logger);
  set.onClose(() => outbox.stop());
  const core = createEngagementCore({
    conn,
    outbox,
    events: producers['engagement-events'],
    webBaseUrl: config.webBaseUrl,
    secret: config.internalTokenSecret,
    logger,
    now,
  });
  set.worker(
    'engagement-events',
    eventJobsProcessor({
      models: core.models,
      events: core.events,
      notifications: producers.notifications,
      logger,
    }),
  );
  outbox.start(config.outboxRelayMs ?? 5000);
  return { ...set.running(), core, producers, outbox };
}
