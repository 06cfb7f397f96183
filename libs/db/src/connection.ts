import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { queryBudgetPlugin } from './query-budget';
import { logSlowCommands } from './slow-commands';

// Queries filter only on fields the schema knows; unknown filter keys are dropped, not passed to the server.
mongoose.set('strictQuery', true);
// Reads are bounded by maxTimeMS and by the request they serve (query-budget.ts).
mongoose.plugin(queryBudgetPlugin);

export interface ConnectOptions {
  uri: string;
  dbName: string;
  logger?: Logger;
  /** Attempts before giving up at start-up (the database may still be starting). */
  attempts?: number;
  maxPoolSize?: number;
  /** Logs every command that takes this long or longer (logSlowCommands); 0 or unset: off. */
  slowCommandMs?: number;
}

/**
 * Opens this service's own database, retrying while the server comes up. Each service
 * owns exactly one database; nobody else reads it.
 */
export async function connectDatabase(options: ConnectOptions): Promise<Connection> {
  // Each attempt waits up to SERVER_SELECTION_TIMEOUT_MS, then a growing pause (≤ 5 s):
  // about four minutes in all for a database still starting on a busy machine.
  const attempts = options.attempts ?? 45;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    // No buffering while disconnected: an operation goes to the driver, which gives up after
    // SERVER_SELECTION_TIMEOUT_MS with an error the services answer as retryable
    // (SERVICE_UNAVAILABLE), instead of waiting past the gateway's timeout.
    const conn = mongoose.createConnection(options.uri, {
      ...connectionOptions(options),
      bufferCommands: false,
    });
    try {
      await conn.asPromise();
      options.logger?.info({ dbName: options.dbName }, 'database connected');
      if (options.slowCommandMs && options.logger)
        logSlowCommands(conn, options.slowCommandMs, options.logger);
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

/**
 * How long an operation waits for a reachable server before it fails. While the database is
 * away every operation waits this long (mongoose, without buffering, hands it to the driver
 * even when it knows it is disconnected), and a request may run two (a write and the cleanup
 * in its catch): 2 × 2 s stays well inside the gateway's subgraph timeout (8 s in the
 * resilience suite, 10 s by default) even on a busy machine, where 5 s did not. A live server
 * is selected at once, and one that comes back is found by the next heartbeat (≤ 0.5 s).
 */
export const SERVER_SELECTION_TIMEOUT_MS = 2000;

/**
 * The driver options of a service's connection. On a replica set (a `replicaSet=` URI, or
 * `mongodb+srv://`, which is one) writes wait for a majority and are retried once after a
 * failover, unless the URI sets `w` or `retryWrites` itself; a single server (FerretDB, a
 * standalone MongoDB) gets neither, since it has no majority to wait for and cannot retry.
 */
export function connectionOptions(
  options: Pick<ConnectOptions, 'uri' | 'dbName' | 'maxPoolSize' | 'slowCommandMs'>,
): {
  dbName: string;
  serverSelectionTimeoutMS: number;
  maxPoolSize: number;
  monitorCommands?: true;
  w?: 'majority';
  retryWrites?: boolean;
} {
  const replicaSet = isReplicaSetUri(options.uri);
  return {
    dbName: options.dbName,
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    maxPoolSize: options.maxPoolSize ?? 20,
    // Command events feed the slow-command log; without it the driver need not emit them.
    ...(options.slowCommandMs ? { monitorCommands: true as const } : {}),
    ...(replicaSet && !uriSets(options.uri, 'w') ? { w: 'majority' as const } : {}),
    ...(replicaSet && !uriSets(options.uri, 'retryWrites') ? { retryWrites: true } : {}),
  };
}

function isReplicaSetUri(uri: string): boolean {
  return uri.startsWith('mongodb+srv://') || uriSets(uri, 'replicaSet');
}

/** Whether the URI's query string sets `option` (option names are case-insensitive). */
function uriSets(uri: string, option: string): boolean {
  const query = uri.split('?')[1] ?? '';
  return query
    .split('&')
    .some((pair) => pair.split('=')[0]!.toLowerCase() === option.toLowerCase());
}

/**
 * Throws when the database does not answer a ping (for /readyz). A lost connection is pinged
 * too (bounded by the server selection): the ping is what finds the server back when no other
 * operation asks for it, and marks the connection connected again.
 */
export async function pingDatabase(conn: Connection): Promise<void> {
  if ((conn.readyState !== 1 && conn.readyState !== 0) || !conn.db)
    throw new Error('database not connected');
  await conn.db.command({ ping: 1 });
}

/** Builds every index the connection's models declare (FerretDB and MongoDB alike). */
export async function syncIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) await model.init();
}
