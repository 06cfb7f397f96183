// The 1022 hotline simulator (development and tests only): read env, serve, stop on SIGTERM.
import { onTerminate } from '@portal/config';
import { createLogger } from '@portal/logger';
import { env } from './env';
import { startHotlineSim } from './server';

const logger = createLogger({
  service: 'hotline-sim',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});
if (env.NODE_ENV === 'production')
  logger.warn('the hotline simulator is a stand-in for development and tests, not a hotline');

const sim = await startHotlineSim(
  {
    port: env.PORT,
    host: env.HOST,
    apiKey: env.HOTLINE_API_KEY,
    callbackSecret: env.HOTLINE_CALLBACK_SECRET,
    callbackUrl: env.HOTLINE_CALLBACK_URL ?? `${env.REFERRAL_URL}/hotline/callback`,
    lifecycle: {
      ackDelayMs: env.SIM_ACK_DELAY_MS,
      progressDelayMs: env.SIM_PROGRESS_DELAY_MS,
      closeDelayMs: env.SIM_CLOSE_DELAY_MS,
      outcome: env.SIM_OUTCOME,
    },
    faults: {
      down: env.SIM_DOWN,
      errorRate: env.SIM_ERROR_RATE,
      timeoutRate: env.SIM_TIMEOUT_RATE,
      hangMs: env.SIM_HANG_MS,
    },
    callbackAttempts: env.SIM_CALLBACK_ATTEMPTS,
    callbackRetryMs: env.SIM_CALLBACK_RETRY_MS,
  },
  logger,
);

onTerminate(() => sim.close(), {
  log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)),
});
