import { createConnection, createServer } from 'node:net';

/** A TCP port that is free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Waits until something accepts connections on `port`, or throws after `timeoutMs`. */
export async function waitForPort(
  port: number,
  options: { host?: string; timeoutMs?: number; isAlive?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (await isPortOpen(port, options.host)) return;
    if (options.isAlive && !options.isAlive())
      throw new Error(`process exited before listening on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on port ${port} within ${options.timeoutMs ?? 60_000} ms`);
}

/** Polls an HTTP URL until it answers 2xx. */
export async function waitForHttp(
  url: string,
  options: { timeoutMs?: number; isAlive?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (options.isAlive && !options.isAlive())
      throw new Error(`process exited before ${url} answered`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs ?? 60_000} ms (${last})`);
}
