// `npm run seed` / `npm start`: the forum's demo data, once per database.
import { connectDatabase, seedOnce } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { seedForumDemo } from './demo-seed';
import { loadSeedEnv } from './env';
import { forumModels } from './models';
import { syncThreadFacts } from './stats/thread-facts';

const env = loadSeedEnv();
const logger = createLogger({ service: 'forum-seed', level: env.LOG_LEVEL, pretty: false });
const connection = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
// Seeded threads reach the graph as any write does: cached lists of them are dropped (the
// services may have cached empty ones already) and the assistant indexes them.
const redis = createRedisConnection(env.REDIS_URL, 'client', { lazyConnect: true });
await redis
  .connect()
  .catch((err: Error) =>
    logger.warn({ err: err.message }, 'no Redis: cached lists live to their max-age'),
  );
publishGraphChangesOf(connection, redis, env.QUEUE_PREFIX, logger);
try {
  const models = forumModels(connection);
  for (const model of Object.values(models)) await model.init();
  await seedOnce(connection, 'forum-demo', () => seedForumDemo(models), logger);
  // The seed writes threads and answers directly, not through the use-cases that keep the
  // participation facts: bring them up to date (the worker may have built them empty already).
  await syncThreadFacts(models, logger);
} finally {
  redis.disconnect();
  await connection.close();
}
