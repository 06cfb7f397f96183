import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '@portal/logger';

/**
 * An ioredis connection. Workers (and anything that blocks) need
 * `maxRetriesPerRequest: null`; producers fail fast instead so a request never hangs
 * on a Redis outage.
 */
export function createRedisConnection(
  url: string,
  role: 'worker' | 'producer' | 'client' = 'client',
  extra: RedisOptions = {},
): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 5000),
    ...extra,
  });
}

/**
 * The Redis connections one owner (an app's set of workers) opens: each logs its errors (a
 * warning; ioredis reconnects by itself) and all are let go together.
 */
export class RedisConnections {
  private readonly opened: Redis[] = [];

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  open(role: 'worker' | 'producer' | 'client'): Redis {
    const connection = createRedisConnection(this.url, role);
    connection.on('error', (err: Error) =>
      this.logger.warn({ err: err.message, role }, 'redis connection error'),
    );
    this.opened.push(connection);
    return connection;
  }

  disconnectAll(): void {
    for (const connection of this.opened) connection.disconnect();
  }
}
