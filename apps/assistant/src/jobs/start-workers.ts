import {
  WorkerSet,
  graphChangesStream,
  type RunningWorkers,
  type WorkersDeps,
  type WorkersQueueConfig,
} from '@portal/queue';
import { createCkanClient } from '../catalog/ckan-client';
import { CatalogSync } from '../catalog/catalog-sync';
import type { PreviewLimits } from '../catalog/preview';
import { createPortalSources, type PortalSourcesOptions } from '../retrieval/portal-sources';
import { createAssistantCore, type AssistantCore } from '../services';
import { IndexService } from '../services/index.service';
import { catalogProcessor } from './catalog.processor';
import type { GraphChangeFollower } from '@portal/queue';
import { followIndexedChanges } from './graph-change-follower';
import { indexProcessor } from './index.processor';
import { maintenanceProcessor } from './maintenance.processor';
import { catalogJobs, closeProducers, createProducers, type AssistantProducers } from './producers';

export interface AssistantWorkersConfig extends WorkersQueueConfig {
  webBaseUrl: string;
  /** How often the catalog is synced (0: only on demand). */
  syncEveryMs: number;
  catalog: {
    portalUrl: string;
    pageSize: number;
    timeoutMs: number;
    attempts: number;
    backoffMs: number;
  };
  preview: PreviewLimits;
  sources: PortalSourcesOptions;
}

export interface RunningAssistantWorkers extends RunningWorkers {
  core: AssistantCore;
  indexer: IndexService;
  sync: CatalogSync;
  producers: AssistantProducers;
  follower: GraphChangeFollower;
}

const CLEANUP_EVERY_MS = 3600_000;

/**
 * The assistant worker: the scheduled catalog sync and resource previews, the retrieval
 * index kept current from the graph-change stream, and the retention cleanup. Owns its
 * Redis connections; the database is the caller's.
 */
export async function startAssistantWorkers(
  config: AssistantWorkersConfig,
  deps: WorkersDeps,
): Promise<RunningAssistantWorkers> {
  const set = new WorkerSet(config, deps);
  const { conn, logger, now } = set;
  const producers = createProducers(set.redis, config.queuePrefix);
  set.onClose(() => closeProducers(producers));
  const core = createAssistantCore({
    conn,
    jobs: catalogJobs(producers, now),
    webBaseUrl: config.webBaseUrl,
    portalUrl: config.catalog.portalUrl,
    logger,
    now,
  });
  const indexer = new IndexService({
    models: core.models,
    index: core.index,
    sources: createPortalSources(config.sources),
    portalUrl: config.catalog.portalUrl,
    logger,
  });
  const onDatasetChanged = (id: string) => indexer.indexDataset(id);
  const sync = new CatalogSync({
    models: core.models,
    ckan: createCkanClient({
      ...config.catalog,
      baseUrl: config.catalog.portalUrl,
      logger,
    }),
    pageSize: config.catalog.pageSize,
    onResourceChanged: async (r) =>
      void (await producers['assistant-catalog'].enqueue(
        { type: 'preview', resourceId: r.id, fingerprint: r.fingerprint },
        { jobId: `preview-${r.id.replace(/:/g, '_')}-${r.fingerprint}` },
      )),
    onDatasetChanged,
    logger,
    now,
  });
  set.worker(
    'assistant-catalog',
    catalogProcessor({
      models: core.models,
      sync,
      limits: config.preview,
      onDatasetChanged,
      logger,
      now,
    }),
  );
  set.worker('assistant-index', indexProcessor(indexer), { concurrency: 1 });
  set.worker('assistant-maintenance', maintenanceProcessor({ models: core.models, logger, now }), {
    concurrency: 1,
  });
  if (config.syncEveryMs > 0)
    await producers['assistant-catalog'].every('catalog-sync', config.syncEveryMs, {
      type: 'sync',
    });
  await set.every('assistant-maintenance', 'conversations-expire', CLEANUP_EVERY_MS, {
    task: 'conversations.expire',
  });
  // A sync at start, so a fresh deployment has a catalog without waiting for the schedule.
  await producers['assistant-catalog'].enqueue(
    { type: 'sync' },
    { jobId: `sync-start-${Math.floor(now().getTime() / 60_000)}` },
  );
  // An empty index (a new deployment) is built once; after that, changes keep it current.
  if (!(await core.models.Passage.exists({ sourceType: { $ne: 'Dataset' } })))
    await producers['assistant-index'].enqueue(
      { type: 'rebuild' },
      { jobId: `rebuild-initial-${Math.floor(now().getTime() / 60_000)}` },
    );
  const follower = followIndexedChanges({
    redis: set.redis,
    stream: graphChangesStream(config.queuePrefix),
    positionKey: `${config.queuePrefix}:assistant:graph-changes-position`,
    index: producers['assistant-index'],
    logger,
  });
  set.onClose(() => follower.stop());
  return { ...set.running(), core, indexer, sync, producers, follower };
}
