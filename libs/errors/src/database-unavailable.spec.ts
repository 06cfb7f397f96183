import { once } from 'node:events';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable';

/** The error Node gives a write to a socket whose server has closed it (its FIN seen). */
async function writeAfterServerClosed(): Promise<Error> {
  const server = createServer((socket) => socket.end());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = createConnection((server.address() as AddressInfo).port, '127.0.0.1');
  socket.resume();
  try {
    await once(socket, 'end');
    const failed = once(socket, 'error');
    socket.write('x');
    return ((await failed) as [Error])[0];
  } finally {
    socket.destroy();
    server.close();
  }
}

describe('isDatabaseUnavailable', () => {
  it('knows the driver’s errors for an unreachable server, also as the cause of another error', () => {
    for (const name of ['MongoNetworkError', 'MongoServerSelectionError', 'PoolClearedError']) {
      const err = Object.assign(new Error('x'), { name });
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(isDatabaseUnavailable(new Error('save failed', { cause: err }))).toBe(true);
    }
    const buffering = new Error('Operation `notes.insertOne()` buffering timed out');
    buffering.name = 'MongooseError';
    expect(isDatabaseUnavailable(buffering)).toBe(true);
  });

  it('knows the socket error the driver passes on as it is when the server has just closed the connection', async () => {
    const err = await writeAfterServerClosed();
    expect(err).toMatchObject({
      name: 'Error',
      code: 'EPIPE',
      message: 'This socket has been ended by the other party',
    });
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isDatabaseUnavailable(new Error('save failed', { cause: err }))).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isDatabaseUnavailable(new Error('E11000 duplicate key'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { name: 'MongoServerError' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('no file'), { code: 'ENOENT' }))).toBe(
      false,
    );
    // A wrapped error of its own name is not taken for a bare socket error.
    expect(isDatabaseUnavailable(Object.assign(new TypeError('x'), { code: 'EPIPE' }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('EPIPE')).toBe(false);
  });
});
