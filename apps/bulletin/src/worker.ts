// The bulletin worker: publishes issues at their time, renders read-aloud audio, fans out mail.
import { syncIndexes } from '@portal/db';
import { runWorker } from '@portal/service-runtime';
import { renderSpeech } from './audio/speech-renderer';
import { createContentArticles } from './content/content-articles';
import { contentClientConfig, env, ttsConfig } from './env';
import {
  MAINTENANCE_TASKS,
  createBulletinMaintenanceProcessor,
} from './jobs/bulletin-maintenance.processor';
import { createBulletinPublishProcessor } from './jobs/bulletin-publish.processor';
import { bulletinModels } from './models';
import { allCounters, bulletinCounters } from './stats/bulletin-stats.service';

await runWorker({ name: 'bulletin-worker', env }, async (rt) => {
  const { logger } = rt;
  const models = bulletinModels(rt.conn);
  await syncIndexes(rt.conn);
  const publish = createBulletinPublishProcessor({
    models,
    content: createContentArticles({ ...contentClientConfig(env), logger }),
    renderSpeech: (text, fileName) => renderSpeech(text, fileName, ttsConfig(env)),
    notifications: rt.producer('notifications'),
    links: { publicBaseUrl: env.PUBLIC_BASE_URL, webBaseUrl: env.WEB_BASE_URL },
    tokenSecret: env.SUBSCRIPTION_TOKEN_SECRET,
    batchSize: env.BULLETIN_FANOUT_BATCH_SIZE,
    logger,
  });
  // Rendering a long issue's audio takes a while; keep the lock well past it.
  rt.worker('bulletin-publish', publish, { lockDurationMs: 5 * 60_000 });
  const publishProducer = rt.producer('bulletin-publish');
  const counters = allCounters(
    bulletinCounters({ conn: rt.conn, redis: rt.redis, keyPrefix: env.QUEUE_PREFIX, logger }),
  );
  const maintenance = createBulletinMaintenanceProcessor({
    models,
    publishProducer,
    logger,
    counters,
  });
  rt.worker('bulletin-maintenance', maintenance, { concurrency: 1 });
  const { publishOverdue, purgeUnconfirmed, flushCounters } = MAINTENANCE_TASKS;
  await rt.every('bulletin-maintenance', 'bulletin-publish-overdue', 60_000, {
    task: publishOverdue,
  });
  await rt.every('bulletin-maintenance', 'bulletin-flush-counters', 60_000, {
    task: flushCounters,
  });
  await rt.every('bulletin-maintenance', 'bulletin-purge-unconfirmed', 6 * 3600_000, {
    task: purgeUnconfirmed,
  });
});
