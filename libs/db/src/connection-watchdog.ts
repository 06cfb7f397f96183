import { MongoClient } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { SERVER_SELECTION_TIMEOUT_MS, connectionOptions, pingDatabase } from './connection';

export interface ConnectionWatchdogOptions {
  uri: string;
  dbName: string;
  logger?: Logger;
  /** How often the connection is pinged. */
  checkEveryMs?: number;
  /**
   * How long pings may fail before a new client is asked whether the server is up. Above the
   * driver's idle heartbeat (10 s), so a server that just came back is found by the driver first.
   */
  stuckAfterMs?: number;
}

export interface ConnectionWatchdog {
  /** Connections reopened so far (a figure for logs and tests). */
  readonly reopened: number;
  /** Stops watching (a round under way ends without reopening); waits for a reopening under way. */
  stop(): Promise<void>;
}

/**
 * Repairs a connection whose driver no longer finds a database that is up. The driver finds a
 * returning server by its monitor's next check; a monitor that stops checking (once, on 3 Dec,
 * the library's did not find FerretDB back for 120 s after a restart, every operation failing
 * server selection with the error of the moment the server stopped) would leave the service
 * failing until restarted. So the connection is pinged every `checkEveryMs`; when pings have
 * failed for `stuckAfterMs` and a new client reaches the server at once, the connection is
 * closed and opened again (the models stay bound to it), and the driver's view of the server
 * before that is logged. A server that is really away is left to the driver.
 */
export function watchConnection(
  conn: Connection,
  options: ConnectionWatchdogOptions,
): ConnectionWatchdog {
  const checkEveryMs = options.checkEveryMs ?? 5000;
  const stuckAfterMs = options.stuckAfterMs ?? 30_000;
  let failingSince: number | undefined;
  let reopened = 0;
  let stopped = false;
  let reopening: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const check = async () => {
    try {
      await pingDatabase(conn);
      failingSince = undefined;
      return;
    } catch {
      failingSince ??= Date.now();
    }
    if (stopped || Date.now() - failingSince < stuckAfterMs) return;
    if (!(await serverAnswers(options.uri))) return;
    // The server may have come back during the ping that failed: a driver that is well finds
    // it within this second ping (its monitor checks every 0.5 s while an operation waits).
    const stillFailing = await fails(pingDatabase(conn));
    if (stopped) return;
    if (!stillFailing) {
      failingSince = undefined;
      return;
    }
    const failingForMs = Date.now() - failingSince;
    options.logger?.error(
      { failingForMs, driver: driverView(conn) },
      'database answers a new client but not this connection; reopening it',
    );
    reopening = (async () => {
      await conn.close();
      await conn.openUri(options.uri, { ...connectionOptions(options), bufferCommands: false });
    })();
    try {
      await reopening;
    } finally {
      reopening = undefined;
    }
    reopened++;
    failingSince = undefined;
    options.logger?.warn({ reopened }, 'database connection reopened');
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void check()
        .catch((err: Error) =>
          options.logger?.warn({ err: err.message }, 'database watchdog round failed'),
        )
        .finally(schedule);
    }, checkEveryMs);
    timer.unref();
  };
  schedule();
  return {
    get reopened() {
      return reopened;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await reopening?.catch(() => {});
    },
  };
}

const fails = (p: Promise<unknown>) =>
  p.then(
    () => false,
    () => true,
  );

/** Whether a new client, with nothing of the old one's state, reaches the server and gets a ping answered. */
async function serverAnswers(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    connectTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    maxPoolSize: 1,
  });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => {});
  }
}

/**
 * What the driver thinks of each server, for the log line that explains a reopening. Read from
 * the driver's internals (its topology and monitors), so every step is optional.
 */
function driverView(conn: Connection): unknown {
  try {
    const topology = (
      conn.getClient() as unknown as {
        topology?: {
          s?: {
            servers?: Map<
              string,
              {
                description?: { type?: string; error?: { message?: string } | null };
                monitor?: { s?: { state?: string }; monitorId?: { toJSON?: () => unknown } };
              }
            >;
          };
        };
      }
    ).topology;
    return [...(topology?.s?.servers ?? new Map()).entries()].map(([address, server]) => ({
      address,
      type: server.description?.type,
      error: server.description?.error?.message,
      monitorState: server.monitor?.s?.state,
      monitor: server.monitor?.monitorId?.toJSON?.(),
    }));
  } catch (err) {
    return { unreadable: (err as Error).message };
  }
}
