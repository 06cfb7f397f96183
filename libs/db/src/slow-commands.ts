import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';

/** The driver's command-monitoring events, as far as the slow-command log reads them. */
interface CommandStarted {
  requestId: number;
  commandName: string;
  command: Record<string, unknown>;
}
interface CommandEnded {
  requestId: number;
  commandName: string;
  duration: number;
}

/** Commands whose bodies say nothing about a read's cost (or carry secrets): timed, not shown. */
const QUIET = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'saslStart', 'saslContinue']);
/** The parts of a command that decide its cost; values inside them are replaced by their types. */
const SHAPED = ['filter', 'query', 'q', 'pipeline', 'updates', 'deletes'];
/** Parts made of field names and directions only: shown as they are. */
const VERBATIM = ['sort', 'projection', 'limit'];

/**
 * The shape of a command part: field names and operators kept, every value replaced by its
 * type (`"string"`, `"ObjectId"`, an array's length), so a log line shows which query ran
 * without what anyone wrote or who they are.
 */
export function commandShape(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value))
    return depth > 4
      ? `array(${value.length})`
      : value.length > 3
        ? [...value.slice(0, 3).map((v) => commandShape(v, depth + 1)), `…${value.length} in all`]
        : value.map((v) => commandShape(v, depth + 1));
  if (typeof value !== 'object') return typeof value;
  const bsontype = (value as { _bsontype?: unknown })._bsontype;
  if (typeof bsontype === 'string') return bsontype;
  if (value instanceof Date) return 'Date';
  if (value instanceof RegExp) return 'RegExp';
  if (depth > 4) return 'object';
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      commandShape(v, depth + 1),
    ]),
  );
}

/**
 * Logs every database command of `conn` that takes `slowMs` or longer (warn, `slow database
 * command`): its name, collection, the shape of its filter, sort and projection, its duration
 * and the request it served. FerretDB has no profiler and MongoDB's lives on the server; this
 * shows ops which reads a page waits for, from the service's own logs. The connection must be
 * opened with `monitorCommands` (connectDatabase does so when given `slowCommandMs`).
 * Returns a function that stops the log.
 */
export function logSlowCommands(conn: Connection, slowMs: number, logger: Logger): () => void {
  const started = new Map<
    number,
    { collection: unknown; shape: Record<string, unknown>; requestId?: unknown }
  >();
  const onStarted = (event: CommandStarted) => {
    if (QUIET.has(event.commandName)) return;
    const shape: Record<string, unknown> = {};
    for (const part of SHAPED)
      if (event.command[part] !== undefined) shape[part] = commandShape(event.command[part]);
    for (const part of VERBATIM) {
      const value = event.command[part];
      // The driver hands sorts over as Maps.
      if (value !== undefined)
        shape[part] = value instanceof Map ? Object.fromEntries(value) : value;
    }
    started.set(event.requestId, {
      // A getMore names its cursor there, and its collection under `collection`.
      collection:
        event.commandName === 'getMore'
          ? event.command.collection
          : event.command[event.commandName],
      shape,
      // The request's id, which every read carries as its comment (queryBudgetPlugin): the
      // driver emits its events outside the request's async context.
      requestId: event.command.comment,
    });
  };
  const onEnded = (outcome: 'ok' | 'failed') => (event: CommandEnded) => {
    const begun = started.get(event.requestId);
    started.delete(event.requestId);
    // The driver gives whole milliseconds, rounded down: a command of 0.4 ms reports 0. A
    // command reporting d took between d and d + 1 ms, so it counts when that may reach the
    // threshold (the same as `d >= slowMs` for a threshold in whole milliseconds).
    if (!begun || event.duration + 1 <= slowMs) return;
    logger.warn(
      {
        command: event.commandName,
        collection: begun.collection,
        ...begun.shape,
        durationMs: Math.round(event.duration),
        outcome,
        ...(begun.requestId ? { requestId: begun.requestId } : {}),
      },
      'slow database command',
    );
  };
  const onSucceeded = onEnded('ok');
  const onFailed = onEnded('failed');
  // The connection watchdog may reopen the connection with a new driver client: follow it.
  let client: ReturnType<Connection['getClient']> | undefined;
  const attach = () => {
    detach();
    client = conn.getClient();
    client.on('commandStarted', onStarted);
    client.on('commandSucceeded', onSucceeded);
    client.on('commandFailed', onFailed);
  };
  const detach = () => {
    client?.off('commandStarted', onStarted);
    client?.off('commandSucceeded', onSucceeded);
    client?.off('commandFailed', onFailed);
    started.clear();
  };
  attach();
  conn.on('open', attach);
  return () => {
    conn.off('open', attach);
    detach();
  };
}
