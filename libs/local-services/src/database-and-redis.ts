import { join } from 'node:path';
import { startFerretdb } from './ferretdb';
import { freePort } from './net';
import type { ManagedProcess } from './process-group';
import { startRedis } from './redis';

/** A MongoDB-compatible database and a Redis for tests and benchmarks. */
export interface DatabaseAndRedis {
  mongoUri: string;
  redisUrl: string;
  /** The process id of the FerretDB started here, when one was (for CPU readings). */
  ferretdbPid?: number;
  /** Stops what was started here; servers given by URL are left alone. */
  stop(): Promise<void>;
}

/**
 * The servers at `mongoUri` / `redisUrl` when given (real MongoDB and Redis), else an
 * embedded FerretDB and a throwaway Redis on free ports, with their data under `dir`.
 */
export async function databaseAndRedis(options: {
  dir: string;
  mongoUri?: string;
  redisUrl?: string;
  log?: (line: string) => void;
}): Promise<DatabaseAndRedis> {
  const started: ManagedProcess[] = [];
  let { mongoUri, redisUrl } = options;
  let ferretdbPid: number | undefined;
  try {
    if (!mongoUri) {
      const db = await startFerretdb({
        port: await freePort(),
        dir: join(options.dir, 'ferretdb'),
        log: options.log,
      });
      started.push(db.process);
      ferretdbPid = db.process.child.pid;
      mongoUri = db.uri;
    }
    if (!redisUrl) {
      const redis = await startRedis({
        port: await freePort(),
        dir: join(options.dir, 'redis'),
        persistent: false,
        log: options.log,
      });
      started.push(redis.process);
      redisUrl = redis.url;
    }
  } catch (err) {
    await Promise.all(started.map((p) => p.stop()));
    throw err;
  }
  return {
    mongoUri,
    redisUrl,
    ferretdbPid,
    stop: async () => {
      await Promise.all(started.map((p) => p.stop()));
    },
  };
}
