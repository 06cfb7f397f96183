import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { connectDatabase } from '@portal/db';
import type { Logger } from '@portal/logger';
import { publishGraphChangesOf } from './graph-changes';
import { createRedisConnection } from './redis-connection';

export interface SeedConnections {
  conn: Connection;
  redis: Redis;
  /** Closes both. */
  close(): Promise<void>;
}

/**
 * What a seed script writes through (the benchmarks' scale seeds): the app's database, and
 * Redis with the graph changes of every write published there, so seeded documents reach
 * the graph as any write does (cached lists dropped, gateways purge, the assistant
 * indexes). Without Redis a seed carries on (cached lists then live to their max-age) unless
 * it counts something there (`redisRequired`).
 */
export async function openSeedConnections(options: {
  mongoUri: string;
  dbName: string;
  redisUrl: string;
  queuePrefix: string;
  logger: Logger;
  redisRequired?: boolean;
}): Promise<SeedConnections> {
  const { logger } = options;
  const conn = await connectDatabase({ uri: options.mongoUri, dbName: options.dbName, logger });
  const redis = createRedisConnection(options.redisUrl, 'client', { lazyConnect: true });
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
  publishGraphChangesOf(conn, redis, options.queuePrefix, logger);
  return {
    conn,
    redis,
    close: async () => {
      // QUIT lets the last graph changes leave first; without a connection it fails at once.
      await redis.quit().catch(() => redis.disconnect());
      await conn.close();
    },
  };
}
