import { readFileSync } from 'node:fs';
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

/** The kernel's range of ports for outgoing connections (and `listen(0)`). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low && high) return [low, high];
  } catch {
    // Not Linux: the IANA range.
  }
  return [49152, 65535];
}

/** How many ports below the ephemeral range `freeStablePort` picks from. */
const STABLE_SPAN = 4000;

/**
 * A free port that stays free for a while: below the kernel's ephemeral range, so no outgoing
 * connection (which takes a random ephemeral port as its own) can hold it by the time the
 * server binds it, and above the fixed ports of the suite's stacks (offsets up to ~24,000).
 * For servers started long after their port is chosen (every app of a stack whose addresses
 * must be known up front); `freePort()` suits a server that binds at once. Only a few callers
 * use it, at random points of the span, so they rarely meet.
 */
export async function freeStablePort(): Promise<number> {
  const [low] = ephemeralRange();
  const base = Math.max(1024, low - STABLE_SPAN);
  for (let tries = 0; tries < 200; tries++) {
    const port = base + Math.floor(Math.random() * (low - base));
    if (await canListen(port)) return port;
  }
  return freePort();
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
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
