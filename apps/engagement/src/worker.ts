// The engagement worker: event reminders and notices, with /healthz, /readyz and /metrics
// on OPS_PORT; stops on SIGTERM after jobs in flight finish.
import { onTerminate } from '@portal/config';
import { connectDatabase, pingDatabase } from '@portal/db';
import { createMetrics, startOpsServer } from '@portal/graphql-kit';
import { env } from './env';
import { startEngagementWorkers } from './jobs/start-workers';
import { loggerFor } from './logger';
import { prepareDatabase } from './models';

const logger = loggerFor(env, 'engagement-worker');
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
await prepareDatabase(conn);

const running = await startEngagementWorkers(
  {
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
  },
  { conn, logger },
);

const ops = await startOpsServer({
  port: env.OPS_PORT,
  host: env.HOST,
  metrics: createMetrics('engagement-worker'),
  readiness: [
    { name: 'mongo', check: () => pingDatabase(conn) },
    { name: 'redis', check: () => running.ping() },
  ],
});
logger.info({ opsPort: ops.port }, 'engagement worker running');

onTerminate(
  async () => {
    await running.close();
    await ops.close();
    await conn.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);
