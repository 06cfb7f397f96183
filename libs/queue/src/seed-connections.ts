import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { connectDatabase } from '@portal/db';
import { createLogger, type CreateLoggerOptions, type Logger } from '@portal/logger';
import { publishGraphChangesOf } from './graph-changes';
import { createRedisConnection } from './redis-connection';

/** The part of an app's checked environment a seed connects with. */
export interface SeedEnv {
  MONGODB_URI: string;
  MONGODB_DB: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  LOG_LEVEL?: CreateLoggerOptions['level'];
  LOG_FORMAT?: CreateLoggerOptions['format'];
}

export interface SeedConnections {
  conn: Connection;
  logger: Logger;
  redis: Redis;
  /** Closes both. */
  close(): Promise<void>;
}

/**
 * What a seed script writes through (demo seeds and the benchmarks' scale seeds): the app's
 * database, and Redis with the graph changes of every write published there, so seeded
 * documents reach the graph as any write does (cached lists dropped, gateways purge, the
 * assistant indexes). Without Redis a seed carries on (cached lists then live to their
 * max-age) unless it counts something there (`redisRequired`).
 */
export async function openSeedConnections(
  env: SeedEnv,
  service: string,
  options: { redisRequired?: boolean } = {},
): Promise<SeedConnections> {
  const logger = createLogger({ service, level: env.LOG_LEVEL, format: env.LOG_FORMAT });
  const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
  const redis = createRedisConnection(env.REDIS_URL, 'client', { lazyConnect: true });
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis error'));
  try {
    await redis.connect();
  } catch (err) {
    if (options.redisRequired) {
      redis.disconnect();
      await conn.close();
      throw new Error(`this seed counts in Redis, which did not answer: ${(err as Error).message}`);
    }
    logger.warn({ err: (err as Error).message }, 'no Redis: cached lists live to their max-age');
  }
  publishGraphChangesOf(conn, redis, env.QUEUE_PREFIX, logger);
  return {
    conn,
    logger,
    redis,
    close: async () => {
      // QUIT lets the last graph changes leave first; without a connection it fails at once.
      await redis.quit().catch(() => redis.disconnect());
      await conn.close();
    },
  };
}
