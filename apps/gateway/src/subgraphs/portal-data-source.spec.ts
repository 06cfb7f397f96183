import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGatewayMetrics } from '../metrics';
import { PortalDataSource } from './portal-data-source';
import { SubgraphAnswer } from './subgraph-answer';

/** A subgraph stand-in that answers every POST after `delayMs`, counting sockets and requests. */
async function slowSubgraph(delayMs: number) {
  const sockets = new Set<unknown>();
  let open = 0;
  let mostOpen = 0;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'max-age=60, public');
        res.setHeader('x-seen', 'a');
        res.appendHeader('x-seen', 'b');
        res.end(JSON.stringify({ data: { echo: JSON.parse(body).query } }));
      }, delayMs);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    mostOpen = Math.max(mostOpen, ++open);
    socket.on('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stats: () => ({ sockets: sockets.size, mostOpen, requests }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function source(url: string, connections: number) {
  const dataSource = new PortalDataSource({
    subgraph: 'content',
    url,
    timeoutMs: 10_000,
    connections,
    metrics: createGatewayMetrics(),
  });
  cleanups.push(() => dataSource.close());
  const fetch = (query: string) =>
    dataSource.fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
  return fetch;
}

describe('the gateway talking to a subgraph', () => {
  it('keeps at most its pool of sockets open, queues the rest and answers every fetch', async () => {
    const subgraph = await slowSubgraph(50);
    cleanups.push(subgraph.close);
    const fetch = source(subgraph.url, 3);

    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => fetch(`{ n${i} }`).then((res) => res.json())),
    );

    expect(answers).toEqual(
      Array.from({ length: 24 }, (_, i) => ({ data: { echo: `{ n${i} }` } })),
    );
    const stats = subgraph.stats();
    expect(stats.requests).toBe(24);
    // 24 fetches at once: without the bound they would open 24 sockets.
    expect(stats.mostOpen).toBe(3);
    // Kept alive and reused: a later fetch opens none.
    await fetch('{ again }');
    expect(subgraph.stats().sockets).toBe(3);
  });

  it('hands Apollo an answer with its status and headers, readable more than once', async () => {
    const subgraph = await slowSubgraph(0);
    cleanups.push(subgraph.close);
    const res = await source(subgraph.url, 1)('{ a }');

    expect(res).toBeInstanceOf(SubgraphAnswer);
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('max-age=60, public');
    expect(res.headers.get('x-seen')).toBe('a, b');
    expect(res.headers.get('x-absent')).toBeNull();
    expect(await res.clone().json()).toEqual({ data: { echo: '{ a }' } });
    expect(JSON.parse(await res.text())).toEqual(await res.json());
  });
});
