import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { RedisConnections, createWorker, Outbox, type QueueHealth } from '@portal/queue';
import { createHotlineClient, type HotlineClientOptions } from '../clients/hotline-client';
import type { ForumClient } from '../clients/forum-client';
import { referralModels } from '../models';
import { createReferralCore, type ReferralCore } from '../services';
import { ReferralStatsCounter } from '../stats/referral-stats-counter';
import { MAINTENANCE_TASKS, type MaintenanceTask } from './job-ids';
import {
  closeProducers,
  createProducers,
  type DispatchRetryPolicy,
  type ReferralProducers,
} from './producers';
import { createDispatchProcessor } from './referral-dispatch.processor';
import { createMaintenanceProcessor } from './referral-maintenance.processor';

export interface ReferralWorkersConfig {
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
  webBaseUrl: string;
  hotline: HotlineClientOptions;
  dispatch: DispatchRetryPolicy;
  /** Every how many ms each maintenance task runs; 0 registers no schedule (tests run them by hand). */
  schedule: Record<MaintenanceTask, number>;
  outboxRelayMs?: number;
}

export interface RunningReferralWorkers {
  core: ReferralCore;
  producers: ReferralProducers;
  outbox: Outbox;
  workers: Worker[];
  /** Throws when Redis does not answer (for /readyz). */
  ping(): Promise<void>;
  /** Enqueues one maintenance task now (deterministic id per call site). */
  runTask(task: MaintenanceTask, runId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The referral worker: dispatch to the hotline, and the periodic maintenance tasks, on
 * BullMQ. Owns its Redis connections; the database connection is the caller's.
 */
export async function startReferralWorkers(
  config: ReferralWorkersConfig,
  deps: {
    conn: Connection;
    forum?: ForumClient | null;
    logger: Logger;
    now?: () => Date;
    /** The process's queue health (runWorker's), for its /readyz and /metrics. */
    queueHealth?: QueueHealth;
  },
): Promise<RunningReferralWorkers> {
  const now = deps.now ?? (() => new Date());
  const connections = new RedisConnections(config.redisUrl, deps.logger);
  const redis = (role: 'worker' | 'producer') => connections.open(role);
  const producerRedis = redis('producer');
  const producers = createProducers(producerRedis, config.queuePrefix, config.dispatch);
  const outbox = new Outbox(deps.conn, producers, deps.logger);
  const stats = new ReferralStatsCounter(
    producerRedis,
    config.queuePrefix,
    referralModels(deps.conn),
  );
  const core = createReferralCore({
    conn: deps.conn,
    outbox,
    stats,
    forum: deps.forum ?? null,
    webBaseUrl: config.webBaseUrl,
    logger: deps.logger,
    now,
  });
  const common = { prefix: config.queuePrefix, logger: deps.logger, health: deps.queueHealth };
  const workers = [
    createWorker(
      'referral-dispatch',
      createDispatchProcessor({
        repo: core.repo,
        referrals: core.referrals,
        hotline: createHotlineClient(config.hotline),
        outbox,
        webBaseUrl: config.webBaseUrl,
        logger: deps.logger,
      }),
      { ...common, connection: redis('worker'), concurrency: config.concurrency },
    ),
    createWorker(
      'referral-maintenance',
      createMaintenanceProcessor({
        models: core.models,
        repo: core.repo,
        referrals: core.referrals,
        stats,
        outbox,
        dispatchQueue: producers['referral-dispatch'].queue,
        logger: deps.logger,
        now,
      }),
      { ...common, connection: redis('worker'), concurrency: 1 },
    ),
  ];
  for (const task of MAINTENANCE_TASKS) {
    const every = config.schedule[task];
    if (every > 0)
      await producers['referral-maintenance'].every(`referral-${task}`, every, { task });
  }
  outbox.start(config.outboxRelayMs ?? 5000);

  return {
    core,
    producers,
    outbox,
    workers,
    ping: async () => void (await producerRedis.ping()),
    runTask: async (task, runId) => {
      await producers['referral-maintenance'].enqueue(
        { task },
        { jobId: `manual.${task}.${runId}`, attempts: 1 },
      );
    },
    close: async () => {
      outbox.stop();
      await Promise.all(workers.map((w) => w.close()));
      await closeProducers(producers);
      connections.disconnectAll();
    },
  };
}
