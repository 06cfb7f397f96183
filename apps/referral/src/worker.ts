// The referral worker: dispatch to the hotline and periodic maintenance, with /healthz,
// /readyz and /metrics on OPS_PORT; stops on SIGTERM after jobs in flight finish.
import { onTerminate } from '@portal/config';
import { connectDatabase, pingDatabase } from '@portal/db';
import { createMetrics, startOpsServer } from '@portal/graphql-kit';
import { env } from './env';
import { startReferralWorkers } from './jobs/start-workers';
import { loggerFor } from './logger';
import { prepareDatabase } from './models';

const logger = loggerFor(env, 'referral-worker');
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
await prepareDatabase(conn);

const running = await startReferralWorkers(
  {
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    hotline: {
      url: env.HOTLINE_URL,
      apiKey: env.HOTLINE_API_KEY,
      timeoutMs: env.HOTLINE_TIMEOUT_MS,
    },
    dispatch: { attempts: env.HOTLINE_DISPATCH_ATTEMPTS, backoffMs: env.HOTLINE_RETRY_BACKOFF_MS },
    schedule: {
      overdue: env.REFERRAL_OVERDUE_CHECK_MS,
      recover: 60_000,
      cleanup: 10 * 60_000,
    },
  },
  { conn, logger },
);

const ops = await startOpsServer({
  port: env.OPS_PORT,
  host: env.HOST,
  metrics: createMetrics('referral-worker'),
  readiness: [
    { name: 'mongo', check: () => pingDatabase(conn) },
    { name: 'redis', check: () => running.ping() },
  ],
});
logger.info({ opsPort: ops.port }, 'referral worker running');

onTerminate(
  async () => {
    await running.close();
    await ops.close();
    await conn.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);
