import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { onTerminate } from '@portal/config';
import { connectDatabase, watchConnection } from '@portal/db';
import type { ReadinessCheck } from '@portal/http';
import { createLogger, type Logger } from '@portal/logger';
import { createRedisConnection, publishGraphChangesOf } from '@portal/queue';
import { dataReadiness } from './readiness';

/** The variables every service process reads (through `serviceEnv()` or the fragments). */
export interface RuntimeEnv {
  NODE_ENV: 'development' | 'test' | 'production';
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  LOG_FORMAT?: 'json' | 'pretty';
  MONGODB_URI?: string;
  MONGODB_DB?: string;
  DB_SLOW_MS?: number;
  REDIS_URL?: string;
  QUEUE_PREFIX?: string;
  HOST?: string;
}

/** Something to stop at shutdown. */
export type Closer = () => Promise<unknown> | unknown;

/** What a service's start function receives: its configuration and open connections. */
export interface Runtime<E extends RuntimeEnv> {
  env: E;
  logger: Logger;
  production: boolean;
  /** The service's own database (when the env names one). */
  conn: Connection;
  /** A fail-fast Redis connection for producers, rate limits and readiness. */
  redis: Redis;
  /** Checks /readyz runs: the database and Redis, plus what `addReadiness` adds. */
  readiness: ReadinessCheck[];
  addReadiness(check: ReadinessCheck): void;
  /** Runs `close` at shutdown, before the connections close (last added, first run). */
  onClose(close: Closer): void;
  /** Refuses to start: logs `<name> refuses to start` and the reason, prints it, exits with 1. */
  refuse(reason: string): never;
}

export interface ServiceSpec<E extends RuntimeEnv> {
  /** The process's name in logs and metrics, e.g. `content` or `content-worker`. */
  name: string;
  env: E;
  /** How long shutdown may take before the process exits anyway (default 8 s). */
  shutdownTimeoutMs?: number;
}

/**
 * The process shell every app runs in: a logger, its database and Redis (from the
 * env), the readiness checks for them, and one shutdown on SIGTERM/SIGINT that runs
 * the service's closers in reverse order and then closes the connections.
 */
export async function runService<E extends RuntimeEnv, R>(
  spec: ServiceSpec<E>,
  start: (rt: Runtime<E>) => Promise<R>,
): Promise<R> {
  const { env } = spec;
  const logger = createLogger({ service: spec.name, level: env.LOG_LEVEL, format: env.LOG_FORMAT });
  const closers: Closer[] = [];
  const database =
    env.MONGODB_URI && env.MONGODB_DB
      ? { uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger, slowCommandMs: env.DB_SLOW_MS }
      : undefined;
  const conn = database ? await connectDatabase(database) : undefined;
  // A connection whose driver stops finding a database that is up is reopened (libs/db).
  const watchdog = conn && database ? watchConnection(conn, database) : undefined;
  const redis = env.REDIS_URL ? createRedisConnection(env.REDIS_URL, 'producer') : undefined;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const readiness = dataReadiness({ conn, redis });
  // Every write of a tracked model (trackGraphChanges) purges the gateway's cached answers,
  // and list pages are cached until their lists change.
  if (conn && redis) publishGraphChangesOf(conn, redis, env.QUEUE_PREFIX ?? 'portal', logger);
  let stopping = false;
  onTerminate(
    async () => {
      stopping = true;
      // No reopening once shutdown has begun: the closers below still use the connection.
      await watchdog?.stop();
      for (const close of closers.reverse()) await close();
      redis?.disconnect();
      await conn?.close();
    },
    {
      timeoutMs: spec.shutdownTimeoutMs,
      log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)),
    },
  );
  const rt: Runtime<E> = {
    env,
    logger,
    production: env.NODE_ENV === 'production',
    get conn(): Connection {
      if (!conn) throw new Error(`${spec.name}: no database configured (MONGODB_URI/MONGODB_DB)`);
      return conn;
    },
    get redis(): Redis {
      if (!redis) throw new Error(`${spec.name}: no Redis configured (REDIS_URL)`);
      return redis;
    },
    readiness,
    addReadiness: (check) => void readiness.push(check),
    onClose: (close) => void closers.push(close),
    refuse: (reason) => {
      logger.fatal({ err: reason }, `${spec.name} refuses to start`);
      process.stderr.write(`${spec.name}: ${reason}\n`);
      process.exit(1);
    },
  };
  try {
    return await start(rt);
  } catch (err) {
    // A shutdown during start-up closes the connections under the start-up's own reads
    // (index builds, seeding checks): that is the shutdown, not a crash; it exits on its own.
    if (stopping) return new Promise<R>(() => {});
    throw err;
  }
}
