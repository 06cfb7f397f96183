import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { Outbox, Producer } from '@portal/queue';

/** The queues the content service produces to, and the outbox that feeds them. */
export interface ContentQueues {
  publish: Producer<'content-publish'>;
  maintenance: Producer<'content-maintenance'>;
  reports: Producer<'content-reports'>;
  notifications: Producer<'notifications'>;
  outbox: Outbox;
  close(): Promise<void>;
}

export function createContentQueues(
  conn: Connection,
  redis: Redis,
  prefix: string,
  logger: Logger,
): ContentQueues {
  const publish = new Producer('content-publish', redis, prefix);
  const maintenance = new Producer('content-maintenance', redis, prefix);
  const reports = new Producer('content-reports', redis, prefix);
  const notifications = new Producer('notifications', redis, prefix);
  const outbox = new Outbox(
    conn,
    { 'content-publish': publish, notifications },
    logger.child({ module: 'outbox' }),
  );
  return {
    publish,
    maintenance,
    reports,
    notifications,
    outbox,
    async close() {
      outbox.stop();
      await Promise.all([
        publish.close(),
        maintenance.close(),
        reports.close(),
        notifications.close(),
      ]);
    },
  };
}
