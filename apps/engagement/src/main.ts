// The engagement subgraph: read env, connect, serve /graphql and the CSV export, stop on SIGTERM.
import { onTerminate } from '@portal/config';
import { connectDatabase } from '@portal/db';
import { Outbox, createRedisConnection } from '@portal/queue';
import { env } from './env';
import { closeProducers, createProducers } from './jobs/producers';
import { loggerFor } from './logger';
import { prepareDatabase } from './models';
import { startServer } from './server';

const logger = loggerFor(env, 'engagement');
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
await prepareDatabase(conn);

const redis = createRedisConnection(env.REDIS_URL, 'producer');
redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
const producers = createProducers(redis, env.QUEUE_PREFIX);
// E-mails and reminders that follow a write are recorded here first, and relayed if Redis was down.
const outbox = new Outbox(conn, producers, logger);
outbox.start();

const server = await startServer(
  {
    port: env.PORT,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    redisPrefix: env.QUEUE_PREFIX,
    answersPerHour: env.SURVEY_ANSWERS_PER_HOUR,
    questionsPer10Min: env.EVENT_QUESTIONS_PER_10_MIN,
    votesPerMinute: env.CONTEST_VOTES_PER_MINUTE,
    newAccountDays: env.CONTEST_NEW_ACCOUNT_DAYS,
  },
  { conn, redis, outbox, events: producers['engagement-events'], logger },
);

onTerminate(
  async () => {
    await server.close();
    outbox.stop();
    await closeProducers(producers);
    redis.disconnect();
    await conn.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);
