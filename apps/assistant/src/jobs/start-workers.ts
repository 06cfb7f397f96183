import type { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import {
  Producer,
  RedisConnections,
  createWorker,
  graphChangesStream,
  type QueueHealth,
} from '@portal/queue';
import { createCkanClient } from '../catalog/ckan-client';
import { CatalogSync } from '../catalog/catalog-sync';
import type { PreviewLimits } from '../catalog/preview';
import { createPortalSources, type PortalSourcesOptions } from '../retrieval/portal-sources';
import { createAssistantCore, type AssistantCore } from '../services';
import { IndexService } from '../services/index-service';
import { catalogProcessor } from './catalog.processor';
import type { GraphChangeFollower } from '@portal/queue';
import { followIndexedChanges } from './graph-change-follower';
import { indexProcessor } from './index.processor';
import { maintenanceProcessor } from './maintenance.processor';
import { catalogJobs, closeProducers, createProducers, type AssistantProducers } from './producers';

export interface AssistantWorkersConfig {
  redisUrl: string;
  queuePrefix: string;
  concurrency: number;
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

export interface RunningAssistantWorkers {
  core: AssistantCore;
  indexer: IndexService;
  sync: CatalogSync;
  producers: AssistantProducers;
  follower: GraphChangeFollower;
  workers: Worker[];
  ping(): Promise<void>;
  close(): Promise<void>;
}

const CLEANUP_EVERY_MS = 3600_000;

/**
 * The assistant worker: the scheduled catalog sync and resource previews, the retrieval
 * index kept current from the graph-change stream, and the retention cleanup. Owns its
 * Redis connections; the database is the caller's.
 */
export async function startAssistantWorkers(
  config: AssistantWorkersConfig,
  deps: {
    conn: Connection;
    logger: Logger;
    now?: () => Date;
    /** The process's queue health (runWorker's), for its /readyz and /metrics. */
    queueHealth?: QueueHealth;
  },
): Promise<RunningAssistantWorkers> {
  const now = deps.now ?? (() => new Date());
  const connections = new RedisConnections(config.redisUrl, deps.logger);
  const redis = (role: 'worker' | 'producer') => connections.open(role);
  const producerRedis = redis('producer');
  const producers = createProducers(producerRedis, config.queuePrefix);
  const core = createAssistantCore({
    conn: deps.conn,
    jobs: catalogJobs(producers, now),
    webBaseUrl: config.webBaseUrl,
    portalUrl: config.catalog.portalUrl,
    logger: deps.logger,
    now,
  });
  const indexer = new IndexService({
    models: core.models,
    index: core.index,
    sources: createPortalSources(config.sources),
    portalUrl: config.catalog.portalUrl,
    logger: deps.logger,
  });
  const onDatasetChanged = (id: string) => indexer.indexDataset(id);
  const sync = new CatalogSync({
    models: core.models,
    ckan: createCkanClient({
      ...config.catalog,
      baseUrl: config.catalog.portalUrl,
      logger: deps.logger,
    }),
    pageSize: config.catalog.pageSize,
    onResourceChanged: async (r) =>
      void (await producers['assistant-catalog'].enqueue(
        { type: 'preview', resourceId: r.id, fingerprint: r.fingerprint },
        { jobId: `preview-${r.id.replace(/:/g, '_')}-${r.fingerprint}` },
      )),
    onDatasetChanged,
    logger: deps.logger,
    now,
  });
  const maintenance = new Producer('assistant-maintenance', producerRedis, config.queuePrefix);
  const options = {
    prefix: config.queuePrefix,
    logger: deps.logger,
    concurrency: config.concurrency,
    health: deps.queueHealth,
  };
  const workers = [
    createWorker(
      'assistant-catalog',
      catalogProcessor({
        models: core.models,
        sync,
        limits: config.preview,
        onDatasetChanged,
        logger: deps.logger,
        now,
      }),
      // One sync at a time per worker; previews run beside it.
      { ...options, connection: redis('worker') },
    ),
    createWorker('assistant-index', indexProcessor(indexer), {
      ...options,
      concurrency: 1,
      connection: redis('worker'),
    }),
    createWorker(
      'assistant-maintenance',
      maintenanceProcessor({ models: core.models, logger: deps.logger, now }),
      { ...options, concurrency: 1, connection: redis('worker') },
    ),
  ];
  if (config.syncEveryMs > 0)
    await producers['assistant-catalog'].every('catalog-sync', config.syncEveryMs, {
      type: 'sync',
    });
  await maintenance.every('conversations-expire', CLEANUP_EVERY_MS, {
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
    redis: producerRedis,
    stream: graphChangesStream(config.queuePrefix),
    positionKey: `${config.queuePrefix}:assistant:graph-changes-position`,
    index: producers['assistant-index'],
    logger: deps.logger,
  });
  return {
    core,
    indexer,
    sync,
    producers,
    follower,
    workers,
    ping: async () => void (await producerRedis.ping()),
    async close() {
      await follower.stop();
      await Promise.all(workers.map((w) => w.close()));
      await closeProducers(producers);
      await maintenance.close();
      connections.disconnectAll();
    },
  };
}
