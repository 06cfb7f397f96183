import type { Job } from 'bullmq';
import type { Logger } from '@portal/logger';
import type { Processor } from '@portal/queue';
import type { CatalogSync } from '../catalog/catalog-sync';
import type { PreviewLimits } from '../catalog/preview';
import { refreshPreview } from '../catalog/preview-refresh';
import type { AssistantModels } from '../models';

export interface CatalogJobsDeps {
  models: AssistantModels;
  sync: CatalogSync;
  limits: PreviewLimits;
  onDatasetChanged: (datasetId: string) => Promise<void>;
  logger: Logger;
  now: () => Date;
}

const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * Catalog sync (resumes from its saved cursor; a failure is retried by BullMQ with
 * exponential backoff) and resource previews (one job per file version).
 */
export function catalogProcessor(deps: CatalogJobsDeps): Processor<'assistant-catalog'> {
  return async (payload, job) => {
    if (payload.type === 'sync') return deps.sync.run();
    return refreshPreview(deps, {
      resourceId: payload.resourceId,
      fingerprint: payload.fingerprint,
      lastAttempt: isLastAttempt(job),
    });
  };
}
