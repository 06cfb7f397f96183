import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse, type GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { createGatewayMetrics } from '../metrics';
import { PortalDataSource } from './portal-data-source';

type Reply = { status: number; type: string; body: string };
const echo = (body: string): Reply => ({
  status: 200,
  type: 'application/json',
  body: JSON.stringify({ data: { echo: JSON.parse(body).query } }),
});

/**
 * A subgraph stand-in that answers every POST after `delayMs` (by default with the query it
 * got), counting sockets and requests.
 */
async function slowSubgraph(delayMs: number, reply: (body: string) => Reply = echo) {
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
        const { status, type, body: text } = reply(body);
        res.statusCode = status;
        res.setHeader('content-type', type);
        res.setHeader('cache-control', 'max-age=60, public');
        res.end(text);
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

/** The hints the gateway's overall cache policy was restricted with. */
function cachePolicy() {
  const hints: unknown[] = [];
  return { hints, restrict: (hint: unknown) => hints.push(hint) };
}

function source(url: string, connections: number) {
  const dataSource = new PortalDataSource({
    subgraph: 'content',
    url,
    timeoutMs: 10_000,
    connections,
    metrics: createGatewayMetrics(),
  });
  cleanups.push(() => dataSource.close());
  return (query: string, policy = cachePolicy()) =>
    dataSource.process({
      kind: 'incoming operation',
      request: { query },
      // What the data source reads of the gateway's request: the operation's kind, its policy.
      incomingRequestContext: { operation: { operation: 'query' }, overallCachePolicy: policy },
      context: {},
      document: parse(query),
      pathInIncomingRequest: [],
    } as never);
}

describe('the gateway talking to a subgraph', () => {
  it('keeps at most its pool of sockets open, queues the rest and answers every fetch', async () => {
    const subgraph = await slowSubgraph(50);
    cleanups.push(subgraph.close);
    const fetch = source(subgraph.url, 3);

    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => fetch(`{ n${i} }`)));

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

  it("restricts the response's cache policy by the subgraph's Cache-Control", async () => {
    const subgraph = await slowSubgraph(0);
    cleanups.push(subgraph.close);
    const policy = cachePolicy();

    expect(await source(subgraph.url, 1)('{ a }', policy)).toEqual({ data: { echo: '{ a }' } });
    expect(policy.hints).toEqual([{ maxAge: 60, scope: 'PUBLIC' }]);
  });

  it("turns a subgraph's refusal of the caller's input into BAD_USER_INPUT, other statuses into Apollo's errors", async () => {
    const refusal = JSON.stringify({
      errors: [{ message: 'Bad date', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
    const replies: Record<string, Reply> = {
      '{ bad }': { status: 400, type: 'application/json', body: refusal },
      '{ other400 }': { status: 400, type: 'application/json', body: '{"errors":[]}' },
      '{ who }': { status: 401, type: 'application/json', body: '{}' },
      '{ no }': { status: 403, type: 'text/plain', body: 'forbidden' },
      '{ boom }': { status: 500, type: 'text/plain', body: 'oops' },
      '{ html }': { status: 200, type: 'text/html', body: '<p>hello</p>' },
    };
    const subgraph = await slowSubgraph(0, (body) => replies[JSON.parse(body).query]!);
    cleanups.push(subgraph.close);
    const fetch = source(subgraph.url, 1);
    const failure = (query: string) =>
      fetch(query).then(
        () => null,
        (err: GraphQLError) => ({ message: err.message, code: err.extensions?.code }),
      );

    expect(await failure('{ bad }')).toEqual({ message: 'Bad date', code: 'BAD_USER_INPUT' });
    expect(await failure('{ other400 }')).toEqual({ message: '400: Bad Request', code: undefined });
    expect(await failure('{ who }')).toEqual({
      message: '401: Unauthorized',
      code: 'UNAUTHENTICATED',
    });
    expect(await failure('{ no }')).toEqual({ message: '403: Forbidden', code: 'FORBIDDEN' });
    expect(await failure('{ boom }')).toEqual({
      message: '500: Internal Server Error',
      code: undefined,
    });
    expect(await failure('{ html }')).toEqual({
      message: 'Expected JSON response body, but received: <p>hello</p>',
      code: undefined,
    });
  });
});
