import type { HotlineSimConfig } from './server';
import { DEFAULT_PORTS, baseEnv, flag, httpEnv, loadEnv, serviceUrl, z } from '@portal/config';

const rate = () => z.coerce.number().min(0).max(1);
const delayMs = () => z.coerce.number().int().min(0);

/** The hotline simulator's configuration (dev and tests only). */
export const env = loadEnv('hotline-sim', () => ({
  ...baseEnv(),
  ...httpEnv(DEFAULT_PORTS['hotline-sim']),
  /** The key callers must send as `authorization: Bearer …` (the referral service's HOTLINE_API_KEY). */
  HOTLINE_API_KEY: z.string().min(16, 'must be at least 16 characters'),
  /** Callbacks are signed with it (the referral service's HOTLINE_CALLBACK_SECRET). */
  HOTLINE_CALLBACK_SECRET: z.string().min(32, 'must be at least 32 characters'),
  REFERRAL_URL: serviceUrl(DEFAULT_PORTS.referral),
  /** Where callbacks go; default `${REFERRAL_URL}/hotline/callback`. */
  HOTLINE_CALLBACK_URL: z.url().optional(),
  /** Delays before each callback, each counted from the previous one. */
  SIM_ACK_DELAY_MS: delayMs().default(3000),
  SIM_PROGRESS_DELAY_MS: delayMs().default(10_000),
  SIM_CLOSE_DELAY_MS: delayMs().default(30_000),
  /** How tickets end: RESOLVED, REJECTED, or NONE (stay IN_PROGRESS, e.g. to see overdue ones). */
  SIM_OUTCOME: z.enum(['RESOLVED', 'REJECTED', 'NONE']).default('RESOLVED'),
  /** Faults: answer 503 to every intake call; a share of calls answered 500; a share held too long. */
  SIM_DOWN: flag().default(false),
  SIM_ERROR_RATE: rate().default(0),
  SIM_TIMEOUT_RATE: rate().default(0),
  /** A share of calls answered 429 Too Many Requests, with `Retry-After: SIM_RETRY_AFTER_SECONDS`. */
  SIM_RATE_LIMIT_RATE: rate().default(0),
  SIM_RETRY_AFTER_SECONDS: z.coerce.number().int().min(0).default(1),
  /** How long a "timed out" call is held before its (late) answer. */
  SIM_HANG_MS: delayMs().default(30_000),
  SIM_CALLBACK_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  SIM_CALLBACK_RETRY_MS: delayMs().default(1000),
}));

/** The simulator's settings from its checked environment. */
export function simConfigFromEnv(e: typeof env): HotlineSimConfig {
  return {
    port: e.PORT,
    host: e.HOST,
    apiKey: e.HOTLINE_API_KEY,
    callbackSecret: e.HOTLINE_CALLBACK_SECRET,
    callbackUrl: e.HOTLINE_CALLBACK_URL ?? `${e.REFERRAL_URL}/hotline/callback`,
    lifecycle: {
      ackDelayMs: e.SIM_ACK_DELAY_MS,
      progressDelayMs: e.SIM_PROGRESS_DELAY_MS,
      closeDelayMs: e.SIM_CLOSE_DELAY_MS,
      outcome: e.SIM_OUTCOME,
    },
    faults: {
      down: e.SIM_DOWN,
      errorRate: e.SIM_ERROR_RATE,
      rateLimitRate: e.SIM_RATE_LIMIT_RATE,
      retryAfterSeconds: e.SIM_RETRY_AFTER_SECONDS,
      timeoutRate: e.SIM_TIMEOUT_RATE,
      hangMs: e.SIM_HANG_MS,
    },
    callbackAttempts: e.SIM_CALLBACK_ATTEMPTS,
    callbackRetryMs: e.SIM_CALLBACK_RETRY_MS,
  };
}
