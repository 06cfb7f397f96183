import {
  DEFAULT_PORTS,
  baseEnv,
  httpEnv,
  loadEnv,
  mongoEnv,
  positiveInt,
  publicUrlEnv,
  redisEnv,
  smtpEnv,
  workerEnv,
  z,
} from '@portal/config';
import { configFromEnv, configProblems } from './config';

const ms = () => positiveInt();

/** Everything the notifier worker reads from its environment (see apps/notifier/README.md). */
export function notifierEnvShape() {
  return {
    ...baseEnv(),
    // The ops port (/healthz, /readyz, /metrics); the notifier serves no API.
    ...httpEnv(DEFAULT_PORTS.notifier),
    ...mongoEnv('portal_notifier'),
    ...redisEnv(),
    ...smtpEnv(),
    ...publicUrlEnv(),
    // Concurrency of the `notifications` dispatcher (fan-out into deliveries).
    ...workerEnv(4),

    EMAIL_CONCURRENCY: positiveInt().default(8),
    /** BullMQ rate limit of the e-mail channel, across every notifier process. */
    EMAIL_RATE_PER_SECOND: positiveInt().default(20),
    EMAIL_MAX_ATTEMPTS: positiveInt().default(8),
    /** First retry delay; doubles each attempt (with jitter). */
    EMAIL_RETRY_DELAY_MS: ms().default(30_000),
    /** Connection, greeting and socket-inactivity timeout of SMTP. */
    SMTP_TIMEOUT_MS: ms().default(20_000),

    WEBHOOK_CONCURRENCY: positiveInt().default(16),
    WEBHOOK_RATE_PER_SECOND: positiveInt().default(50),
    WEBHOOK_MAX_ATTEMPTS: positiveInt().default(10),
    WEBHOOK_RETRY_DELAY_MS: ms().default(15_000),
    WEBHOOK_TIMEOUT_MS: ms().default(10_000),
    /** An endpoint is disabled after this many failed deliveries in a row (an admin re-enables it). */
    WEBHOOK_DISABLE_AFTER_FAILURES: positiveInt().default(20),
    /**
     * Hosts webhooks may reach although they are loopback or private, comma-separated (`name`
     * for any port, `name:port`): a development receiver. Empty by default: public addresses only.
     */
    WEBHOOK_ALLOWED_HOSTS: z.string().default(''),

    /**
     * How long an unfinished delivery attempt blocks another one. After that, its worker is
     * presumed dead and the delivery is tried again. Must exceed the longest send.
     */
    DELIVERY_CLAIM_TTL_MS: ms().default(120_000),
    /** BullMQ job lock; a worker that dies mid-job frees its jobs after this. */
    NOTIFIER_JOB_LOCK_MS: ms().default(30_000),
    NOTIFIER_STALLED_CHECK_MS: ms().default(30_000),
    NOTIFIER_MAINTENANCE_INTERVAL_MS: ms().default(300_000),
    /** Delivery-log records (with recipients' addresses) are deleted after this many days. */
    DELIVERY_RETENTION_DAYS: positiveInt().default(90),
    NOTIFIER_SHUTDOWN_TIMEOUT_MS: ms().default(25_000),
  };
}

export type NotifierEnv = z.output<z.ZodObject<ReturnType<typeof notifierEnvShape>>>;

// Settings that would break a guarantee are refused with the invalid variables (config.ts).
export const env: NotifierEnv = loadEnv('notifier', notifierEnvShape, (e) =>
  configProblems(configFromEnv(e)),
);
