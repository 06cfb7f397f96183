import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';

/** Where a service's hot counters live: its database, its Redis and key prefix, its logger. */
export interface CounterConnections {
  conn: Connection;
  redis: Redis;
  /** Redis key prefix of this deployment (QUEUE_PREFIX), so tests and stacks never share keys. */
  keyPrefix: string;
  logger: Logger;
}
