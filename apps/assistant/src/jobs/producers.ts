import type { Redis } from 'ioredis';
import { Producer, type QueueName } from '@portal/queue';
import type { CatalogJobs } from '../services/catalog.service';

export interface AssistantProducers {
  'assistant-catalog': Producer<'assistant-catalog'>;
  'assistant-index': Producer<'assistant-index'>;
}

/** The queues this service writes to, on one (producer) Redis connection. */
export function createProducers(redis: Redis, prefix: string): AssistantProducers {
  return {
    'assistant-catalog': new Producer('assistant-catalog', redis, prefix),
    'assistant-index': new Producer('assistant-index', redis, prefix),
  };
}

export async function closeProducers(producers: AssistantProducers): Promise<void> {
  await Promise.all(Object.values(producers).map((p: Producer<QueueName>) => p.close()));
}

/** Admin actions as jobs: one sync (or rebuild) per minute at most, whoever asks. */
export function catalogJobs(
  producers: AssistantProducers,
  now: () => Date = () => new Date(),
): CatalogJobs {
  const minute = () => Math.floor(now().getTime() / 60_000);
  return {
    syncNow: async () =>
      void (await producers['assistant-catalog'].enqueue(
        { type: 'sync' },
        { jobId: `sync-now-${minute()}` },
      )),
    rebuildIndex: async () =>
      void (await producers['assistant-index'].enqueue(
        { type: 'rebuild' },
        { jobId: `rebuild-${minute()}` },
      )),
  };
}
