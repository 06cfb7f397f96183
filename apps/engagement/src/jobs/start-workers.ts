import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { RedisConnections, createWorker, Outbox, type QueueHealth } from '@portal/queue';
import { createEngagementCore, type EngagementCore } from '../services';
import { eventJobsProcessor } from './event-jobs.processor';
import { closeProducers, createProducers, type EngagementProducers } from './producers';

export interface EngagementWorkersConfig {
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
  webBaseUrl: string;
  internalTokenSecret: string;
  outboxRelayMs?: number;
}

export interface RunningEngagementWorkers {
  core: EngagementCore;
  producers: EngagementProducers;
  outbox: Outbox;
  workers: Worker[];
  /** Throws when Redis does not answer (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The engagement worker: event reminders and notices, and the outbox relay for jobs the
 * subgraph could not hand to Redis. Owns its Redis connections; the database is the caller's.
 */
export async function startEngagementWorkers(
  config: EngagementWorkersConfig,
  deps: { conn: Connection; logger: Logger; now?: () => Date; queueHealth?: QueueHealth },
): Promise<RunningEngagementWorkers> {
  const connections = new RedisConnections(config.redisUrl, deps.logger);
  const redis = (role: 'worker' | 'producer') => connections.open(role);
  const producerRedis = redis('producer');
  const producers = createProducers(producerRedis, config.queuePrefix);
  const outbox = new Outbox(deps.conn, producers, deps.logger);
  const core = createEngagementCore({
    conn: deps.conn,
    outbox,
    events: producers['engagement-events'],
    webBaseUrl: config.webBaseUrl,
    secret: config.internalTokenSecret,
    logger: deps.logger,
    now: deps.now,
  });
  const workers = [
    createWorker(
      'engagement-events',
      eventJobsProcessor({
        models: core.models,
        events: core.events,
        notifications: producers.notifications,
        logger: deps.logger,
      }),
      {
        connection: redis('worker'),
        prefix: config.queuePrefix,
        logger: deps.logger,
        concurrency: config.concurrency,
        health: deps.queueHealth,
      },
    ),
  ];
  outbox.start(config.outboxRelayMs ?? 5000);
  return {
    core,
    producers,
    outbox,
    workers,
    ping: async () => void (await producerRedis.ping()),
    async close() {
      outbox.stop();
      await Promise.all(workers.map((w) => w.close()));
      await closeProducers(producers);
      connections.disconnectAll();
    },
  };
}
