import type { Redis } from 'ioredis';
import { Producer, type QueueName } from '@portal/queue';

export interface EngagementProducers {
  'engagement-events': Producer<'engagement-events'>;
  notifications: Producer<'notifications'>;
  /** Contest winners promoted to the library's showcase. */
  'library-events': Producer<'library-events'>;
}

/** The queues this service writes to, on one (producer) Redis connection. */
export function createProducers(redis: Redis, prefix: string): EngagementProducers {
  return {
    'engagement-events': new Producer('engagement-events', redis, prefix),
    notifications: new Producer('notifications', redis, prefix),
    'library-events': new Producer('library-events', redis, prefix),
  };
}

export async function closeProducers(producers: EngagementProducers): Promise<void> {
  await Promise.all(Object.values(producers).map((p: Producer<QueueName>) => p.close()));
}
