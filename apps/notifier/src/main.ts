// The notifier worker: e-mail and signed webhooks, one job per delivery; ops routes on PORT.
import { runWorker } from '@portal/service-runtime';
import { configFromEnv } from './config';
import { env } from './env';
import { startNotifier } from './notifier';

// Jobs in flight finish first at shutdown (their sends are bounded by timeouts); nothing new starts.
await runWorker(
  { name: 'notifier', env, shutdownTimeoutMs: env.NOTIFIER_SHUTDOWN_TIMEOUT_MS },
  async (rt) =>
    startNotifier(configFromEnv(env), {
      conn: rt.conn,
      redisUrl: env.REDIS_URL,
      logger: rt.logger,
      registry: rt.metrics.registry,
      queueHealth: rt.queueHealth,
    }),
);
