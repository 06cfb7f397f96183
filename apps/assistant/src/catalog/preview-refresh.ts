import type { Logger } from '@portal/logger';
import type { AssistantModels } from '../models';
import type { ResourceDoc } from '../models/resource.model';
import { previewResource, type PreviewLimits } from './preview';

/** A transient failure: the job is retried with backoff. */
export class PreviewRetryError extends Error {}

/**
 * Reads a resource's preview for one file version (fingerprint) and keeps its first rows for
 * tabular answers. A job for an older version, or one already done, does nothing.
 */
export async function refreshPreview(
  deps: {
    models: AssistantModels;
    limits: PreviewLimits;
    onDatasetChanged: (datasetId: string) => Promise<void>;
    logger: Logger;
    now: () => Date;
  },
  job: { resourceId: string; fingerprint: string; lastAttempt: boolean },
): Promise<'done' | 'stale'> {
  const { Resource, TableRow } = deps.models;
  const resource = await Resource.findById(job.resourceId).lean<ResourceDoc>();
  if (!resource || resource.removedAt || resource.fingerprint !== job.fingerprint) return 'stale';
  if (resource.preview.fingerprint === job.fingerprint && resource.preview.status !== 'PENDING')
    return 'stale';
  const result = await previewResource(resource.url, resource.format, deps.limits);
  if (result.retryable && !job.lastAttempt) throw new PreviewRetryError(result.message ?? 'retry');
  await TableRow.deleteMany({ resourceId: resource._id });
  if (result.status === 'READY' && result.rows.length) {
    const docs = result.rows.map((values, n) => ({
      _id: `${resource._id}:${job.fingerprint}:${n}`,
      resourceId: resource._id,
      fingerprint: job.fingerprint,
      n,
      values,
    }));
    for (let i = 0; i < docs.length; i += 500) await TableRow.insertMany(docs.slice(i, i + 500));
  }
  await Resource.updateOne(
    { _id: resource._id, fingerprint: job.fingerprint },
    {
      $set: {
        preview: {
          status: result.status,
          message: result.message,
          columns: result.columns,
          rows: result.rows.slice(0, deps.limits.previewRows).map((r) => JSON.stringify(r)),
          truncated: result.truncated || result.rows.length > deps.limits.previewRows,
          tableRows: result.status === 'READY' ? result.rows.length : 0,
          fingerprint: job.fingerprint,
          previewedAt: deps.now(),
        },
      },
    },
  );
  deps.logger.info(
    { resourceId: resource._id, status: result.status, rows: result.rows.length },
    'resource previewed',
  );
  await deps.onDatasetChanged(resource.datasetId);
  return 'done';
}
