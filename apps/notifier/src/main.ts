import { onTerminate } from '@portal/config';
import { connectDatabase, pingDatabase } from '@portal/db';
import { createMetrics, startOpsServer } from '@portal/graphql-kit';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { configFromEnv, configProblems } from './config';
import { env } from './env';
import { startNotifier } from './notifier';

const logger = createLogger({
  service: 'notifier',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});
const config = configFromEnv(env);
const problems = configProblems(config);
if (problems.length > 0) {
  process.stderr.write(`notifier: invalid configuration: ${problems.join('; ')}\n`);
  process.exit(1);
}

const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const metrics = createMetrics('notifier');
const notifier = await startNotifier(config, {
  conn,
  redisUrl: env.REDIS_URL,
  logger,
  registry: metrics.registry,
});
const probe = createRedisConnection(env.REDIS_URL, 'client');
probe.on('error', () => {});
const ops = await startOpsServer({
  port: env.PORT,
  host: env.HOST,
  metrics,
  readiness: [
    { name: 'mongo', check: () => pingDatabase(conn) },
    { name: 'redis', check: async () => void (await probe.ping()) },
  ],
});
logger.info({ port: ops.port }, 'notifier running (ops routes: /healthz, /readyz, /metrics)');

onTerminate(
  async () => {
    // Jobs in flight finish first (their sends are bounded by timeouts); nothing new starts.
    await notifier.close();
    await ops.close();
    probe.disconnect();
    await conn.close();
    logger.info('notifier stopped');
  },
  {
    timeoutMs: env.NOTIFIER_SHUTDOWN_TIMEOUT_MS,
    log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)),
  },
);
