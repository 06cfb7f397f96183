import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '@portal/logger';

// Queries filter only on fields the schema knows; unknown filter keys are dropped, not passed to the server.
mongoose.set('strictQuery', true);

export interface ConnectOptions {
  uri: string;
  dbName: string;
  logger?: Logger;
  /** Attempts before giving up at start-up (the database may still be starting). */
  attempts?: number;
  maxPoolSize?: number;
}

/**
 * Opens this service's own database, retrying while the server comes up. Each service
 * owns exactly one database; nobody else reads it.
 */
export async function connectDatabase(options: ConnectOptions): Promise<Connection> {
  const attempts = options.attempts ?? 30;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    const conn = mongoose.createConnection(options.uri, {
      dbName: options.dbName,
      serverSelectionTimeoutMS: 5000,
      maxPoolSize: options.maxPoolSize ?? 20,
      // Production runs on a replica set with majority writes; FerretDB ignores what it does not need.
      ...(isLocalUri(options.uri) ? {} : { w: 'majority' as const, retryWrites: true }),
    });
    try {
      await conn.asPromise();
      options.logger?.info({ dbName: options.dbName }, 'database connected');
      return conn;
    } catch (err) {
      await conn.close().catch(() => {});
      if (attempt >= attempts) throw err;
      options.logger?.warn(
        { err: (err as Error).message, attempt },
        'database not reachable yet, retrying',
      );
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
}

function isLocalUri(uri: string): boolean {
  return /^mongodb:\/\/(127\.0\.0\.1|localhost)[:/]/.test(uri);
}

/** Throws when the database does not answer a ping (for /readyz). */
export async function pingDatabase(conn: Connection): Promise<void> {
  if (conn.readyState !== 1 || !conn.db) throw new Error('database not connected');
  await conn.db.command({ ping: 1 });
}

/** Builds every index the connection's models declare (FerretDB and MongoDB alike). */
export async function syncIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) await model.init();
}
