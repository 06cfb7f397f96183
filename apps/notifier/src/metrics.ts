import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Logger } from '@portal/logger';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/** The notifier's Prometheus metrics, registered on the process registry from graphql-kit. */
export function createNotifierMetrics(registry: Registry) {
  return {
    /** outcome: sent | failed (for good) | retried (an attempt failed, another will follow) | skipped. */
    deliveries: new Counter({
      name: 'notifier_deliveries_total',
      help: 'Delivery attempts by channel and outcome',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    /** How long one SMTP transaction or webhook request took. */
    sendDuration: new Histogram({
      name: 'notifier_send_duration_seconds',
      help: 'Duration of one send (SMTP transaction or webhook request)',
      labelNames: ['channel', 'outcome'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    /** From the notification reaching the notifier to the message being accepted, retries included. */
    deliveryLatency: new Histogram({
      name: 'notifier_delivery_latency_seconds',
      help: 'Time from a notification arriving to its delivery being accepted',
      labelNames: ['channel'] as const,
      buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
      registers: [registry],
    }),
    notifications: new Counter({
      name: 'notifier_notifications_total',
      help: 'Notification jobs by kind and outcome (accepted | rejected)',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    /** Attempts that took over from a worker that died mid-send: each may be a second copy. */
    recoveredAttempts: new Counter({
      name: 'notifier_recovered_attempts_total',
      help: 'Attempts made after an earlier attempt was abandoned by a dead worker',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    endpointsDisabled: new Counter({
      name: 'notifier_webhook_endpoints_disabled_total',
      help: 'Webhook endpoints disabled after a run of failed deliveries',
      registers: [registry],
    }),
  };
}

export type NotifierMetrics = ReturnType<typeof createNotifierMetrics>;

/** Queue depth per queue and state, read from Redis when /metrics is scraped. */
export function registerQueueDepth(registry: Registry, queues: Queue[], logger: Logger): void {
  new Gauge({
    name: 'notifier_queue_jobs',
    help: 'Jobs in the notifier queues by state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of queues) {
        try {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES)
            this.set({ queue: queue.name, state }, counts[state] ?? 0);
        } catch (err) {
          logger.warn(
            { err: (err as Error).message, queue: queue.name },
            'queue depth unavailable',
          );
        }
      }
    },
  });
}
