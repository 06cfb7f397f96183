import {
  WorkerSet,
  type RunningWorkers,
  type WorkersDeps,
  type WorkersQueueConfig,
} from '@portal/queue';
import { renderSpeech, type SpeechRendererConfig } from '../audio/speech-renderer';
import { createContentArticles } from '../content/content-articles';
import { bulletinModels } from '../models';
import { allCounters, bulletinCounters } from '../stats/bulletin-stats.service';
import {
  MAINTENANCE_TASKS,
  createBulletinMaintenanceProcessor,
} from './bulletin-maintenance.processor';
import { createBulletinPublishProcessor } from './bulletin-publish.processor';

export interface BulletinWorkersConfig extends WorkersQueueConfig {
  publicBaseUrl: string;
  webBaseUrl: string;
  /** How the worker reaches the content subgraph (as a trusted service). */
  content: { contentUrl: string; internalTokenSecret: string };
  tts: SpeechRendererConfig;
  /** Signs the confirmation and unsubscribe links in mail. */
  subscriptionTokenSecret: string;
  /** Recipients per `notifications` e-mail job. */
  fanoutBatchSize: number;
}

export type RunningBulletinWorkers = RunningWorkers;

const MINUTE = 60_000;

/**
 * The bulletin worker: publishes issues at their time, renders read-aloud audio, fans out
 * mail, flushes the view counters and forgets unconfirmed addresses. Owns its Redis
 * connections; the database is the caller's.
 */
export async function startBulletinWorkers(
  config: BulletinWorkersConfig,
  deps: WorkersDeps,
): Promise<RunningBulletinWorkers> {
  const set = new WorkerSet(config, deps);
  const { logger } = set;
  const models = bulletinModels(set.conn);
  const counters = allCounters(bulletinCounters(set.counters()));
  set.worker(
    'bulletin-publish',
    createBulletinPublishProcessor({
      models,
      content: createContentArticles({ ...config.content, logger }),
      renderSpeech: (text, fileName) => renderSpeech(text, fileName, config.tts),
      notifications: set.producer('notifications'),
      links: { publicBaseUrl: config.publicBaseUrl, webBaseUrl: config.webBaseUrl },
      tokenSecret: config.subscriptionTokenSecret,
      batchSize: config.fanoutBatchSize,
      logger,
    }),
    // Rendering a long issue's audio takes a while; keep the lock well past it.
    { lockDurationMs: 5 * MINUTE },
  );
  set.worker(
    'bulletin-maintenance',
    createBulletinMaintenanceProcessor({
      models,
      publishProducer: set.producer('bulletin-publish'),
      logger,
      counters,
    }),
    { concurrency: 1 },
  );
  const { publishOverdue, purgeUnconfirmed, flushCounters, syncSubscribers } = MAINTENANCE_TASKS;
  await set.every('bulletin-maintenance', 'bulletin-publish-overdue', MINUTE, {
    task: publishOverdue,
  });
  await set.every('bulletin-maintenance', 'bulletin-flush-counters', MINUTE, {
    task: flushCounters,
  });
  await set.every('bulletin-maintenance', 'bulletin-purge-unconfirmed', 6 * 60 * MINUTE, {
    task: purgeUnconfirmed,
  });
  await set.every('bulletin-maintenance', 'bulletin-sync-subscribers', 24 * 60 * MINUTE, {
    task: syncSubscribers,
  });
  return set.running();
}
