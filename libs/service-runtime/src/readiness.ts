import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { pingDatabase } from '@portal/db';
import type { ReadinessCheck } from '@portal/http';

/** A process's database and Redis connections (either may be absent). */
export interface DataConnections {
  conn?: Connection;
  redis?: Redis;
}

/** The readiness checks of a process's database and Redis: each answers a ping. */
export function dataReadiness({ conn, redis }: DataConnections = {}): ReadinessCheck[] {
  return [
    ...(conn ? [{ name: 'mongo', check: () => pingDatabase(conn) }] : []),
    ...(redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : []),
  ];
}
