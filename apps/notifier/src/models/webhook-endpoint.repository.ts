import { isValidObjectId } from 'mongoose';
import { badInput } from '@portal/errors';
import { consecutiveFailures } from '../delivery/endpoint-health';
import { endpointRefusal } from '../delivery/webhook-address-guard';
import type { AllowList } from '../domain/webhook-address';
import { newEndpointSchema, type NewEndpoint } from '../domain/webhook-endpoint';
import { newWebhookSecret } from '../domain/webhook-signature';
import type { NotifierModels } from './index';
import type { WebhookEndpointDoc } from './webhook-endpoint.model';

/** An endpoint as admins see it: never the secret, with its current run of failures. */
export interface EndpointView {
  id: string;
  partner: string;
  url: string;
  events: string[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

/** An endpoint enabled at `now`, as registered or re-enabled: its run of failures starts then. */
export function enabledFrom(now: Date) {
  return {
    enabled: true,
    disabledAt: null,
    disabledReason: null,
    failuresResetAt: now,
    updatedAt: now,
  };
}

/** Registers a partner endpoint; the secret is returned here once and never shown again. */
export async function addEndpoint(
  models: NotifierModels,
  input: { partner: string; url: string; events: string[] },
  options: { requireHttps: boolean; allowedHosts: AllowList },
): Promise<{ endpoint: EndpointView; secret: string }> {
  const parsed = newEndpointSchema(options).safeParse(input);
  if (!parsed.success)
    throw badInput(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message })),
    );
  const data: NewEndpoint = parsed.data;
  // No webhooks into the notifier's own networks (SSRF); checked again at every connection.
  const refusal = await endpointRefusal(data.url, options.allowedHosts);
  if (refusal) throw badInput('url', `must be a public address: ${refusal}`);
  const now = new Date();
  const secret = newWebhookSecret();
  const doc = await models.WebhookEndpoint.create({
    ...data,
    secret,
    ...enabledFrom(now),
    createdAt: now,
  });
  return { endpoint: view(doc.toObject(), 0), secret };
}

export async function listEndpoints(models: NotifierModels): Promise<EndpointView[]> {
  const docs = await models.WebhookEndpoint.find()
    .sort({ createdAt: 1 })
    .lean<WebhookEndpointDoc[]>()
    .exec();
  return Promise.all(docs.map(async (d) => view(d, await consecutiveFailures(models, d))));
}

/** Re-enables an endpoint (after auto-disable): its failure run starts again from zero. */
export async function enableEndpoint(models: NotifierModels, id: string): Promise<boolean> {
  if (!isValidObjectId(id)) return false;
  const res = await models.WebhookEndpoint.updateOne(
    { _id: id },
    { $set: enabledFrom(new Date()) },
  ).exec();
  return res.matchedCount > 0;
}

export async function disableEndpoint(
  models: NotifierModels,
  id: string,
  reason = 'disabled by an admin',
): Promise<boolean> {
  if (!isValidObjectId(id)) return false;
  const now = new Date();
  const res = await models.WebhookEndpoint.updateOne(
    { _id: id },
    { $set: { enabled: false, disabledAt: now, disabledReason: reason, updatedAt: now } },
  ).exec();
  return res.matchedCount > 0;
}

/** Removes an endpoint; deliveries still pending for it are skipped when their turn comes. */
export async function removeEndpoint(models: NotifierModels, id: string): Promise<boolean> {
  if (!isValidObjectId(id)) return false;
  const res = await models.WebhookEndpoint.deleteOne({ _id: id }).exec();
  return res.deletedCount > 0;
}

function view(doc: Omit<WebhookEndpointDoc, 'secret'>, failures: number): EndpointView {
  return {
    id: String(doc._id),
    partner: doc.partner,
    url: doc.url,
    events: [...doc.events],
    enabled: doc.enabled,
    consecutiveFailures: failures,
    disabledAt: doc.disabledAt,
    disabledReason: doc.disabledReason,
    createdAt: doc.createdAt,
  };
}
