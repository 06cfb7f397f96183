// The content subgraph as its benches run it: on a fresh database of the bench's services,
// its queues and services wired as production wires them, and its server on demand.
import mongoose from 'mongoose';
import { syncIndexes } from '@portal/db';
import type { Logger } from '@portal/logger';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { createContentServices } from '../src/content-services';
import { createContentQueues } from '../src/jobs/content-queues';
import { startServer } from '../src/server';

export const BENCH_SECRET = 'bench-internal-secret-0123456789abcdef';

export async function benchContent(options: {
  mongoUri: string;
  redisUrl: string;
  dbName: string;
  logger: Logger;
  /** The services' clock, when the bench fixes it. */
  now?: () => Date;
  /** Publish graph changes (the cached page shapes follow the article lists). */
  graphChanges?: boolean;
}) {
  const { dbName, logger } = options;
  const conn = await mongoose.createConnection(options.mongoUri, { dbName }).asPromise();
  const redis = createRedisConnection(options.redisUrl, 'producer');
  const queues = createContentQueues(conn, redis, dbName, logger);
  if (options.graphChanges) publishGraphChangesOf(conn, redis, dbName, logger);
  const svc = createContentServices({
    conn,
    redis,
    queues,
    webBaseUrl: 'http://localhost:4200',
    keyPrefix: dbName,
    viewDedupeSeconds: 60,
    logger,
    now: options.now,
  });
  await syncIndexes(conn);
  return {
    conn,
    redis,
    queues,
    svc,
    /** The subgraph over these services, on a free port (tokens signed with BENCH_SECRET). */
    startServer: () =>
      startServer({
        port: 0,
        host: '127.0.0.1',
        production: false,
        internalTokenSecret: BENCH_SECRET,
        publicBaseUrl: 'http://localhost:4000',
        webBaseUrl: 'http://localhost:4200',
        conn,
        redis,
        services: svc,
        logger,
      }),
    /** Closes the queues and connections and drops the database. */
    async close() {
      await queues.close();
      redis.disconnect();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}
