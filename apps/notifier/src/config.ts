import { parseAllowList, type AllowList } from './domain/webhook-address';
import type { NotifierEnv } from './env';

export interface ChannelConfig {
  /** Deliveries in flight per process. */
  concurrency: number;
  /** BullMQ limiter: at most this many sends per second across every notifier process. */
  ratePerSecond: number;
  maxAttempts: number;
  /** First retry delay; exponential after that, with jitter. */
  retryDelayMs: number;
}

/** Everything the notifier needs besides its connections; tests build their own. */
export interface NotifierConfig {
  queuePrefix: string;
  webBaseUrl: string;
  mailFrom: string;
  smtp: { url: string; timeoutMs: number };
  dispatchConcurrency: number;
  email: ChannelConfig;
  webhook: ChannelConfig & {
    timeoutMs: number;
    disableAfterFailures: number;
    /** Non-public hosts webhooks may reach anyway (a development receiver); empty in production. */
    allowedHosts: AllowList;
  };
  /** How long an unfinished attempt blocks the next one (longer than any send). */
  claimTtlMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maintenance: { intervalMs: number; retentionDays: number };
}

export function configFromEnv(env: NotifierEnv): NotifierConfig {
  return {
    queuePrefix: env.QUEUE_PREFIX,
    webBaseUrl: env.WEB_BASE_URL,
    mailFrom: env.MAIL_FROM,
    smtp: { url: env.SMTP_URL, timeoutMs: env.SMTP_TIMEOUT_MS },
    dispatchConcurrency: env.WORKER_CONCURRENCY,
    email: {
      concurrency: env.EMAIL_CONCURRENCY,
      ratePerSecond: env.EMAIL_RATE_PER_SECOND,
      maxAttempts: env.EMAIL_MAX_ATTEMPTS,
      retryDelayMs: env.EMAIL_RETRY_DELAY_MS,
    },
    webhook: {
      concurrency: env.WEBHOOK_CONCURRENCY,
      ratePerSecond: env.WEBHOOK_RATE_PER_SECOND,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryDelayMs: env.WEBHOOK_RETRY_DELAY_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
      allowedHosts: parseAllowList(env.WEBHOOK_ALLOWED_HOSTS),
    },
    claimTtlMs: env.DELIVERY_CLAIM_TTL_MS,
    lockDurationMs: env.NOTIFIER_JOB_LOCK_MS,
    stalledIntervalMs: env.NOTIFIER_STALLED_CHECK_MS,
    maintenance: {
      intervalMs: env.NOTIFIER_MAINTENANCE_INTERVAL_MS,
      retentionDays: env.DELIVERY_RETENTION_DAYS,
    },
  };
}

/**
 * Settings that would break a guarantee rather than just run slowly. An attempt's claim
 * must outlive the longest send (an SMTP transaction is bounded by about three timeouts:
 * connect, greeting, and inactivity), or a slow send could be taken over and repeated.
 */
export function configProblems(config: NotifierConfig): string[] {
  const problems: string[] = [];
  const longestSend = Math.max(3 * config.smtp.timeoutMs, config.webhook.timeoutMs);
  if (config.claimTtlMs <= longestSend)
    problems.push(
      `DELIVERY_CLAIM_TTL_MS must exceed ${longestSend} (3 × SMTP_TIMEOUT_MS and WEBHOOK_TIMEOUT_MS)`,
    );
  return problems;
}
