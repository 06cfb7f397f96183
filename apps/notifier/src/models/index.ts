import type { Connection } from 'mongoose';
import { deliveryAttemptModel } from './delivery-attempt.model';
import { deliveryModel } from './delivery.model';
import { messageModel } from './message.model';
import { webhookEndpointModel } from './webhook-endpoint.model';

/** The notifier's collections in its own database (portal_notifier). */
export function notifierModels(conn: Connection) {
  return {
    Delivery: deliveryModel(conn),
    DeliveryAttempt: deliveryAttemptModel(conn),
    Message: messageModel(conn),
    WebhookEndpoint: webhookEndpointModel(conn),
  };
}

export type NotifierModels = ReturnType<typeof notifierModels>;
