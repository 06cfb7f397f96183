/** Driver errors that mean the database cannot be reached right now (not a bad request). */
const DATABASE_UNREACHABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
]);

/**
 * Socket errors the driver (mongodb 6) passes on as they are, a plain `Error` with only a
 * `code`: a command written to a pooled connection the server has just closed, after the
 * socket saw the server's FIN but before the driver saw it close ("This socket has been ended
 * by the other party", EPIPE), or reset by the server (ECONNRESET).
 */
const CONNECTION_LOST_CODES = new Set(['EPIPE', 'ECONNRESET']);

/**
 * Whether `error` (or what caused it) says the database is unreachable: a restart, a
 * failover or a network cut. Such a request did nothing and may be retried as it is.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    if (typeof name === 'string' && DATABASE_UNREACHABLE.has(name)) return true;
    // mongoose, while disconnected, queues an operation and fails it after bufferTimeoutMS.
    if (name === 'MongooseError' && /buffering timed out/.test(String(message))) return true;
    if (name === 'Error' && typeof code === 'string' && CONNECTION_LOST_CODES.has(code))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
