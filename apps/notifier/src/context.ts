import type { Logger } from '@portal/logger';
import type { Producer } from '@portal/queue';
import type { NotifierConfig } from './config';
import type { DeliveryLog } from './delivery/delivery-log';
import type { MailTransport } from './delivery/mailer';
import type { MessageStore } from './delivery/message-store';
import type { NotifierMetrics } from './metrics';
import type { NotifierModels } from './models';

/** What the notifier's processors share within one process. */
export interface NotifierContext {
  config: NotifierConfig;
  models: NotifierModels;
  deliveries: DeliveryLog;
  messages: MessageStore;
  mailer: MailTransport;
  logger: Logger;
  metrics: NotifierMetrics;
  queues: {
    email: Producer<'notifier-email'>;
    webhook: Producer<'notifier-webhook'>;
  };
}
