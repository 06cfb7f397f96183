import {
  Outbox,
  WorkerSet,
  type RunningWorkers,
  type WorkersDeps,
  type WorkersQueueConfig,
} from '@portal/queue';
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

export interface ReferralWorkersConfig extends WorkersQueueConfig {
  webBaseUrl: string;
  hotline: HotlineClientOptions;
  dispatch: DispatchRetryPolicy;
  /** Every how many ms each maintenance task runs; 0 registers no schedule (tests run them by hand). */
  schedule: Record<MaintenanceTask, number>;
  outboxRelayMs?: number;
}

export interface RunningReferralWorkers extends RunningWorkers {
  core: ReferralCore;
  producers: ReferralProducers;
  outbox: Outbox;
  /** Enqueues one maintenance task now (deterministic id per call site). */
  runTask(task: MaintenanceTask, runId: string): Promise<void>;
}

/**
 * The referral worker: dispatch to the hotline, and the periodic maintenance tasks, on
 * BullMQ. Owns its Redis connections; the database connection is the caller's.
 */
export async function startReferralWorkers(
  config: ReferralWorkersConfig,
  deps: WorkersDeps & { forum?: ForumClient | null },
): Promise<RunningReferralWorkers> {
  const set = new WorkerSet(config, deps);
  const { conn, logger, now } = set;
  const producers = createProducers(set.redis, config.queuePrefix, config.dispatch);
  set.onClose(() => closeProducers(producers));
  const outbox = new Outbox(conn, producers, logger);
  set.onClose(() => outbox.stop());
  const stats = new ReferralStatsCounter(set.redis, config.queuePrefix, referralModels(conn));
  const core = createReferralCore({
    conn,
    outbox,
    stats,
    forum: deps.forum ?? null,
    webBaseUrl: config.webBaseUrl,
    logger,
    now,
  });
  set.worker(
    'referral-dispatch',
    createDispatchProcessor({
      repo: core.repo,
      referrals: core.referrals,
      hotline: createHotlineClient(config.hotline),
      outbox,
      webBaseUrl: config.webBaseUrl,
      logger,
    }),
  );
  set.worker(
    'referral-maintenance',
    createMaintenanceProcessor({
      models: core.models,
      repo: core.repo,
      referrals: core.referrals,
      stats,
      outbox,
      dispatchQueue: producers['referral-dispatch'].queue,
      logger,
      now,
    }),
    { concurrency: 1 },
  );
  for (const task of MAINTENANCE_TASKS) {
    const every = config.schedule[task];
    if (every > 0)
      await producers['referral-maintenance'].every(`referral-${task}`, every, { task });
  }
  outbox.start(config.outboxRelayMs ?? 5000);

  return {
    ...set.running(),
    core,
    producers,
    outbox,
    runTask: async (task, runId) => {
      await producers['referral-maintenance'].enqueue(
        { task },
        { jobId: `manual.${task}.${runId}`, attempts: 1 },
      );
    },
  };
}
