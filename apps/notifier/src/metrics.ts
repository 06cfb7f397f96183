import { Counter, Histogram, type Registry } from 'prom-client';

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
