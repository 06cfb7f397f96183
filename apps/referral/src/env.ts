import type { ReferralWorkersConfig } from './jobs/start-workers';
import type { ReferralServerConfig } from './server';
import {
  DEFAULT_PORTS,
  devDefault,
  loadEnv,
  serviceEnv,
  positiveInt,
  serviceUrl,
  z,
} from '@portal/config';
import { subgraphListen, workersQueue } from '@portal/service-runtime';

/** The referral service's configuration (main.ts, worker.ts and seed.ts read it). */
export const env = loadEnv('referral', () => ({
  ...serviceEnv('referral'),
  /** The forum subgraph, read when a thread is referred (its title and text go to the hotline). */
  FORUM_URL: serviceUrl(DEFAULT_PORTS.forum),
  /** The hotline intake API (the simulator locally). */
  HOTLINE_URL: devDefault(z.url(), `http://127.0.0.1:${DEFAULT_PORTS['hotline-sim']}`).transform(
    (u) => u.replace(/\/+$/, ''),
  ),
  HOTLINE_API_KEY: z.string().min(16, 'must be at least 16 characters'),
  /** Shared with the hotline: it signs its callbacks with it. */
  HOTLINE_CALLBACK_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** A callback older or newer than this is refused (replays inside it are caught by signature). */
  HOTLINE_CALLBACK_TOLERANCE_SECONDS: positiveInt().default(300),
  HOTLINE_TIMEOUT_MS: positiveInt().default(10_000),
  /** Tries per dispatch before the referral is FAILED; the delay doubles from HOTLINE_RETRY_BACKOFF_MS. */
  HOTLINE_DISPATCH_ATTEMPTS: positiveInt().default(8),
  HOTLINE_RETRY_BACKOFF_MS: positiveInt().default(10_000),
  /** No retry waits longer (a hotline's Retry-After is honoured up to it). */
  HOTLINE_RETRY_MAX_BACKOFF_MS: positiveInt().default(600_000),
  /** How often the worker looks for overdue referrals. */
  REFERRAL_OVERDUE_CHECK_MS: positiveInt().default(60_000),
  /** Feedback submissions per person (or anonymous client) per hour. */
  FEEDBACK_PER_HOUR: positiveInt().default(10),
  /** Tracking-code lookups per person (or anonymous client) per minute. */
  TRACKING_LOOKUPS_PER_MINUTE: positiveInt().default(30),
}));

export type ReferralEnv = typeof env;

/** The subgraph's settings from the checked environment. */
export function serverConfig(e: ReferralEnv): ReferralServerConfig {
  return {
    ...subgraphListen(e),
    webBaseUrl: e.WEB_BASE_URL,
    redisPrefix: e.QUEUE_PREFIX,
    hotlineCallbackSecret: e.HOTLINE_CALLBACK_SECRET,
    callbackToleranceSeconds: e.HOTLINE_CALLBACK_TOLERANCE_SECONDS,
    feedbackPerHour: e.FEEDBACK_PER_HOUR,
    trackingLookupsPerMinute: e.TRACKING_LOOKUPS_PER_MINUTE,
  };
}

/** The worker's settings from the checked environment. */
export function workersConfig(e: ReferralEnv): ReferralWorkersConfig {
  return {
    ...workersQueue(e),
    webBaseUrl: e.WEB_BASE_URL,
    hotline: {
      url: e.HOTLINE_URL,
      apiKey: e.HOTLINE_API_KEY,
      timeoutMs: e.HOTLINE_TIMEOUT_MS,
    },
    dispatch: dispatchPolicy(e),
    schedule: {
      overdue: e.REFERRAL_OVERDUE_CHECK_MS,
      recover: 60_000,
      cleanup: 10 * 60_000,
      stats: 60_000,
    },
  };
}

/** How patiently a referral is offered to the hotline. */
export function dispatchPolicy(e: ReferralEnv) {
  return {
    attempts: e.HOTLINE_DISPATCH_ATTEMPTS,
    backoffMs: e.HOTLINE_RETRY_BACKOFF_MS,
    maxBackoffMs: e.HOTLINE_RETRY_MAX_BACKOFF_MS,
  };
}

/** How the referral service reads threads from the forum (as a trusted service). */
export function forumClientConfig(e: ReferralEnv) {
  return { url: `${e.FORUM_URL}/graphql`, internalTokenSecret: e.INTERNAL_TOKEN_SECRET };
}
