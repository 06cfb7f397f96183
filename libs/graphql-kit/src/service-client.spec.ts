import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceCallError, createServiceClient } from './service-client';

const SECRET = 'service-client-test-secret-of-enough-length!!';

/** A subgraph stand-in that resets the first `resets` connections, then answers. */
async function flakySubgraph(
  resets: number,
): Promise<{ server: Server; url: string; seen: () => number }> {
  let seen = 0;
  const server = createServer((req, res) => {
    seen++;
    if (seen <= resets) {
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/graphql`, seen: () => seen };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (running ? running.close(() => resolve()) : resolve()));
  running = undefined;
});

const clientFor = (url: string) =>
  createServiceClient({
    url,
    target: 'content',
    service: 'assistant',
    internalTokenSecret: SECRET,
  });

describe('the service client', () => {
  it('sends a query once more when its connection was reset before any answer', async () => {
    const sub = await flakySubgraph(1);
    running = sub.server;
    await expect(clientFor(sub.url)('{ ok }')).resolves.toEqual({ ok: true });
    expect(sub.seen()).toBe(2);
  });

  it('never sends a mutation twice, and names the network cause', async () => {
    const sub = await flakySubgraph(1);
    running = sub.server;
    const call = clientFor(sub.url)('mutation { ok }');
    await expect(call).rejects.toBeInstanceOf(ServiceCallError);
    await expect(call).rejects.toThrow(/unreachable: fetch failed \(\w+/);
    expect(sub.seen()).toBe(1);
  });

  it('gives up on a query after its retry', async () => {
    const sub = await flakySubgraph(5);
    running = sub.server;
    await expect(clientFor(sub.url)('query Q { ok }')).rejects.toThrow(/unreachable/);
    expect(sub.seen()).toBe(2);
  });
});
