// The notifier worker: e-mail and signed webhooks, one job per delivery; ops routes on PORT.
import { runWorker } from '@portal/service-runtime';
import { configFromEnv, configProblems } from './config';
import { env } from './env';
import { startNotifier } from './notifier';

const config = configFromEnv(env);
const problems = configProblems(config);
if (problems.length > 0) {
  process.stderr.write(`notifier: invalid configuration: ${problems.join('; ')}\n`);
  process.exit(1);
}

// Jobs in flight finish first at shutdown (their sends are bounded by timeouts); nothing new starts.
await runWorker(
  { name: 'notifier', env, shutdownTimeoutMs: env.NOTIFIER_SHUTDOWN_TIMEOUT_MS },
  async (rt) => {
    const { conn, logger, metrics } = rt;
    const notifier = await startNotifier(config, {
      conn,
      redisUrl: env.REDIS_URL,
      logger,
      registry: metrics.registry,
      queueHealth: rt.queueHealth,
    });
    rt.onClose(() => notifier.close());
  },
);
