import { defineModels } from '@portal/db';
import { deliveryAttemptModel } from './delivery-attempt.model';
import { deliveryModel } from './delivery.model';
import { messageModel } from './message.model';
import { webhookEndpointModel } from './webhook-endpoint.model';

/** The notifier's collections in its own database (portal_notifier). */
export const notifierModels = defineModels({
  Delivery: deliveryModel,
  DeliveryAttempt: deliveryAttemptModel,
  Message: messageModel,
  WebhookEndpoint: webhookEndpointModel,
});

export type NotifierModels = ReturnType<typeof notifierModels>;
