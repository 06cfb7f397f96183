import type { DeliveryAttemptDoc } from '../models/delivery-attempt.model';
import type { WebhookEndpointDoc } from '../models/webhook-endpoint.model';
import type { NotifierModels } from '../models';

/**
 * Failed deliveries to an endpoint since its last success (or since an admin re-enabled it),
 * counted from the attempt records: unique documents rather than a counter that concurrent
 * deliveries would increment, which FerretDB cannot do safely.
 */
export async function consecutiveFailures(
  models: NotifierModels,
  endpoint: Pick<WebhookEndpointDoc, '_id' | 'failuresResetAt'>,
): Promise<number> {
  const endpointId = String(endpoint._id);
  const lastSuccess = await models.DeliveryAttempt.findOne({ endpointId, outcome: 'sent' })
    .sort({ finishedAt: -1 })
    .lean<DeliveryAttemptDoc>()
    .exec();
  const since =
    lastSuccess?.finishedAt && lastSuccess.finishedAt > endpoint.failuresResetAt
      ? lastSuccess.finishedAt
      : endpoint.failuresResetAt;
  return models.DeliveryAttempt.countDocuments({
    endpointId,
    outcome: 'failed',
    finishedAt: { $gt: since },
  }).exec();
}
