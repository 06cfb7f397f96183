import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { createCkanClient } from './catalog/ckan-client';
import { CatalogSync } from './catalog/catalog-sync';
import { refreshPreview } from './catalog/preview-refresh';
import type { AssistantWorkersConfig } from './jobs/start-workers';
import { createPortalSources } from './retrieval/portal-sources';
import { createAssistantCore } from './services';
import { IndexService } from './services/index.service';

/**
 * Syncs the catalog, previews every resource and builds the retrieval index, all at once
 * and in this process (what the worker does through its queues). Idempotent.
 */
export async function loadDemoAssistant(
  conn: Connection,
  config: AssistantWorkersConfig,
  logger: Logger,
): Promise<void> {
  const now = () => new Date();
  const core = createAssistantCore({
    conn,
    webBaseUrl: config.webBaseUrl,
    portalUrl: config.catalog.portalUrl,
    logger,
  });
  const indexer = new IndexService({
    models: core.models,
    index: core.index,
    sources: createPortalSources(config.sources),
    portalUrl: config.catalog.portalUrl,
    logger,
  });
  const changed: { id: string; fingerprint: string }[] = [];
  const sync = new CatalogSync({
    models: core.models,
    ckan: createCkanClient({ ...config.catalog, baseUrl: config.catalog.portalUrl, logger }),
    pageSize: config.catalog.pageSize,
    onResourceChanged: async (r) => void changed.push(r),
    onDatasetChanged: (id) => indexer.indexDataset(id),
    logger,
    now,
  });
  await sync.run();
  for (const r of changed)
    await refreshPreview(
      {
        models: core.models,
        limits: config.preview,
        onDatasetChanged: (id) => indexer.indexDataset(id),
        logger,
        now,
      },
      { resourceId: r.id, fingerprint: r.fingerprint, lastAttempt: true },
    );
  await indexer.rebuild();
}
