import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localPorts, portOffsetProblem } from '@portal/config';

/**
 * Where the processes of this machine record the ports they chose for a server not started
 * yet: a port is free between choosing and binding it, so without a record two stacks could
 * choose the same one, and a test whose own server then failed to bind would take the other's
 * answer to its health check for its own (CI met that: the gateway's federation tests reached
 * the federation bench's content subgraph and its internal tokens were refused).
 */
const CLAIMS_DIR = join(tmpdir(), 'portal-port-claims');
/** How long a claim holds: longer than any server takes to bind the port it was given. */
const CLAIM_TTL_MS = 10 * 60_000;

function claimOne(port: number): boolean {
  const file = join(CLAIMS_DIR, String(port));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(file, 'wx'));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        mkdirSync(CLAIMS_DIR, { recursive: true });
        continue;
      }
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    try {
      if (Date.now() - statSync(file).mtimeMs < CLAIM_TTL_MS) return false;
      // An expired claim: moved aside first, so of two processes taking it over only the one
      // whose rename succeeds goes on to create a new one.
      const aside = `${file}.${process.pid}.${Date.now()}`;
      renameSync(file, aside);
      unlinkSync(aside);
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Claims every port of `ports` for this process, or none: false when another process of this
 * machine has claimed one of them in the last ten minutes. Every chooser of ports for a server
 * started later (`freePort`, `freeStablePort`, the stacks' port offsets) claims them.
 */
export function claimPorts(ports: readonly number[]): boolean {
  const claimed: number[] = [];
  for (const port of ports) {
    if (claimOne(port)) {
      claimed.push(port);
      continue;
    }
    for (const mine of claimed) unlinkSync(join(CLAIMS_DIR, String(mine)));
    return false;
  }
  return true;
}

/** A TCP port that is free right now on 127.0.0.1 (and claimed, see {@link claimPorts}). */
export async function freePort(): Promise<number> {
  for (let tries = 0; ; tries++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    });
    if (claimPorts([port]) || tries >= 50) return port;
  }
}

/**
 * The first offset of `candidates` none of whose ports (`portsAt(offset)`) anyone listens on
 * or has claimed, with its ports claimed; null when there is none.
 */
export async function freeOffset(
  candidates: Iterable<number>,
  portsAt: (offset: number) => number[],
): Promise<number | null> {
  for (const offset of candidates) {
    const ports = portsAt(offset);
    const taken = await Promise.all(ports.map((port) => isPortOpen(port)));
    if (!taken.includes(true) && claimPorts(ports)) return offset;
  }
  return null;
}

/**
 * Every PORT_OFFSET a stack started by a test or a benchmark may take: all of its ports
 * (`localPorts`) lie below the kernel's ephemeral range, so no outgoing connection can hold one
 * between choosing it and binding it (CI met EADDRINUSE at offsets inside that range, the mail
 * sink's last), and none is on the fetch blocked-port list. From 100 up, in steps of 10.
 */
export function stackOffsets(): number[] {
  const [low] = ephemeralRange();
  const highest = Math.max(...localPorts(0));
  const offsets: number[] = [];
  for (let offset = 100; offset + highest < low; offset += 10)
    if (!portOffsetProblem(String(offset))) offsets.push(offset);
  return offsets;
}

/**
 * A free offset of `stackOffsets()`, tried in random order, its ports claimed (two stacks
 * starting side by side never share a port; `localPorts` of any two offsets overlap often, and
 * `freeOffset` sees it).
 */
export async function freeStackOffset(): Promise<number> {
  const candidates = stackOffsets()
    .map((offset) => ({ offset, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map((c) => c.offset);
  const found = await freeOffset(candidates, localPorts);
  if (found === null) throw new Error('no free PORT_OFFSET for a stack below the ephemeral range');
  return found;
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
 * server binds it (stacks' offsets are claimed there too, see `stackOffsets`).
 * For servers started long after their port is chosen (every app of a stack whose addresses
 * must be known up front); `freePort()` suits a server that binds at once. Claimed like every
 * port chosen here, so two callers never get the same one.
 */
export async function freeStablePort(): Promise<number> {
  const [low] = ephemeralRange();
  const base = Math.max(1024, low - STABLE_SPAN);
  for (let tries = 0; tries < 200; tries++) {
    const port = base + Math.floor(Math.random() * (low - base));
    if ((await canListen(port)) && claimPorts([port])) return port;
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
