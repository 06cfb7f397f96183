import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, hasRole, requireRole } from '@portal/auth';
import { forbidden } from '@portal/errors';
import { createLogger } from '@portal/logger';
import {
  errorCodes,
  gql,
  internalTokenFor,
  internalTokenWithoutExpiry,
  TEST_INTERNAL_SECRET,
  TEST_LISTEN,
  testViewer,
} from '@portal/testing';
import { createByIdLoader, loadSchemaFile, type BaseContext } from '@portal/graphql-kit';
import { startSubgraphServer, type RunningSubgraph, type SubgraphServerOptions } from '../src';

interface Ctx extends BaseContext {
  notes: ReturnType<typeof createByIdLoader<{ id: string; text: string }>>;
}

const fetched: string[][] = [];
const NOTES = [
  { id: 'n1', text: 'Một' },
  { id: 'n2', text: 'Hai' },
  { id: 'n3', text: 'Ba' },
];

let server: RunningSubgraph;
beforeAll(async () => {
  server = await startSubgraphServer<Ctx>({
    name: 'kit-test',
    listen: TEST_LISTEN,
    typeDefs: loadSchemaFile(join(import.meta.dirname, 'fixtures/schema.graphql')),
    logger: createLogger({ service: 'kit-test', level: 'silent', pretty: false }),
    readiness: [{ name: 'always', check: async () => {} }],
    context: (base) => ({
      ...base,
      notes: createByIdLoader(
        async (ids) => {
          fetched.push([...ids]);
          return NOTES.filter((n) => ids.includes(n.id));
        },
        (n) => n.id,
      ),
    }),
    resolvers: {
      Query: {
        hello: () => 'Xin chào',
        me: (_: unknown, __: unknown, ctx: Ctx) => ctx.viewer.displayName,
        echoDate: (_: unknown, args: { at: Date }) => {
          expect(args.at).toBeInstanceOf(Date);
          return args.at;
        },
        secret: (_: unknown, __: unknown, ctx: Ctx) => {
          requireRole(ctx.viewer, 'editor');
          if (!hasRole(ctx.viewer, 'editor')) throw forbidden();
          return 'bí mật';
        },
        boom: () => {
          throw new Error(
            'E11000 duplicate key error collection: portal_content.articles at mongo://secret-host',
          );
        },
        notes: (_: unknown, args: { ids: string[] }, ctx: Ctx) =>
          Promise.all(args.ids.map((id) => ctx.notes.load(id))),
      },
      Note: {
        __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.notes.load(ref.id),
        next: (note: { id: string }) => note,
      },
    },
  });
});
afterAll(() => server.close());

/** A server of the fixture schema that only says hello, on its own port with its defaults. */
function startHelloServer(
  name: string,
  options: Partial<SubgraphServerOptions<BaseContext>> = {},
): Promise<RunningSubgraph> {
  return startSubgraphServer<BaseContext>({
    name,
    listen: { port: 0, production: false, internalTokenSecret: TEST_INTERNAL_SECRET },
    typeDefs: loadSchemaFile(join(import.meta.dirname, 'fixtures/schema.graphql')),
    logger: createLogger({ service: name, level: 'silent', pretty: false }),
    context: (base) => base,
    resolvers: { Query: { hello: () => 'Xin chào' } },
    ...options,
  });
}

/** Calls the subgraph as the gateway would for an anonymous viewer (or with `options`). */
async function ask(query: string, options: Parameters<typeof gql>[2] = {}) {
  const internalToken = await internalTokenFor(ANONYMOUS, { audience: 'kit-test' });
  return gql(server.graphqlUrl, query, { internalToken, ...options });
}

describe('subgraph server', () => {
  it('serves a query, with a cache-control header from @cacheControl hints', async () => {
    const res = await ask('{ hello }');
    expect(res.data).toEqual({ hello: 'Xin chào' });
    expect(res.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('takes the viewer only from a valid internal token', async () => {
    const token = await internalTokenFor(testViewer('editor', { displayName: 'Chị Lan' }), {
      audience: 'kit-test',
    });
    expect((await gql(server.graphqlUrl, '{ me secret }', { internalToken: token })).data).toEqual({
      me: 'Chị Lan',
      secret: 'bí mật',
    });

    const forged = await internalTokenFor(testViewer('admin'), {
      secret: 'x'.repeat(40),
      audience: 'kit-test',
    });
    const res = await gql(server.graphqlUrl, '{ secret }', {
      internalToken: forged,
      headers: { 'x-user-role': 'admin' },
    });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    const citizen = await internalTokenFor(testViewer('citizen'), { audience: 'kit-test' });
    expect(
      errorCodes(await gql(server.graphqlUrl, '{ secret }', { internalToken: citizen })),
    ).toEqual(['FORBIDDEN']);
  });

  it('masks internal errors and never leaks database details', async () => {
    const res = await ask('{ boom }');
    expect(res.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(res)).not.toMatch(/E11000|secret-host|stacktrace/);
  });

  it('parses and serializes DateTime, refusing malformed values with BAD_USER_INPUT', async () => {
    const ok = await ask('query($at: DateTime!) { echoDate(at: $at) }', {
      variables: { at: '2025-11-01T08:00:00+07:00' },
    });
    expect(ok.data).toEqual({ echoDate: '2025-11-01T01:00:00.000Z' });
    const bad = await ask('query($at: DateTime!) { echoDate(at: $at) }', {
      variables: { at: 'tomorrow' },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves N entity references with one batched fetch', async () => {
    fetched.length = 0;
    const res = await ask(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Note { id text } } }',
      {
        variables: { r: ['n1', 'n2', 'n3', 'missing'].map((id) => ({ __typename: 'Note', id })) },
      },
    );
    expect(res.data?._entities).toEqual([...NOTES, null]);
    expect(fetched).toEqual([['n1', 'n2', 'n3', 'missing']]);
  });

  it('answers /healthz, /readyz and /metrics', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { always: 'ok', 'event-loop': 'ok' },
    });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('graphql_operations_total');
    expect(metrics).toMatch(
      /graphql_errors_total\{code="INTERNAL_SERVER_ERROR",service="kit-test"\} [1-9]/,
    );
  });

  it('echoes a well-formed request id', async () => {
    const res = await ask('{ hello }', {
      headers: { 'x-request-id': 'req-abcdef123' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-abcdef123');
  });
});

describe('subgraph boundary (attacks from a caller that is not the gateway)', () => {
  const ENTITIES =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Note { id text } } }';
  const notes = { r: [{ __typename: 'Note', id: 'n1' }] };

  it('refuses every GraphQL request without an internal token, _service and _entities included', async () => {
    for (const query of ['{ hello }', '{ _service { sdl } }', ENTITIES]) {
      const res = await gql(server.graphqlUrl, query, { variables: notes });
      expect(res.status).toBe(401);
      expect(res.data ?? null).toBeNull();
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
    // Headers a caller might hope the subgraph trusts change nothing.
    const res = await gql(server.graphqlUrl, '{ secret }', {
      headers: { 'x-user-role': 'admin', 'x-forwarded-for': '127.0.0.1' },
    });
    expect(res.status).toBe(401);
  });

  it('refuses a token for another subgraph, and one without an expiry', async () => {
    const forForum = await internalTokenFor(testViewer('editor'), { audience: 'forum' });
    const res = await gql(server.graphqlUrl, '{ secret }', { internalToken: forForum });
    expect(res.status).toBe(401);
    const forever = await internalTokenWithoutExpiry(testViewer('editor'), 'kit-test');
    const noExp = await gql(server.graphqlUrl, '{ secret }', { internalToken: forever });
    expect(noExp.status).toBe(401);
    expect(noExp.data ?? null).toBeNull();
  });

  it('refuses deep queries and alias floods itself, even with a valid token', async () => {
    const deep = `{ notes(ids: ["n1"]) { ${'next { '.repeat(37)}id${' }'.repeat(37)} } }`;
    const tooDeep = await ask(deep);
    expect(tooDeep.data ?? null).toBeNull();
    expect(JSON.stringify(tooDeep.errors)).toMatch(/depth/i);
    const shallow = await ask(
      `{ notes(ids: ["n1"]) { ${'next { '.repeat(5)}id${' }'.repeat(5)} } }`,
    );
    expect(shallow.errors).toBeUndefined();

    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: hello`).join(' ');
    const flood = await ask(`{ ${aliases} }`);
    expect(flood.data ?? null).toBeNull();
    expect(JSON.stringify(flood.errors)).toMatch(/alias/i);
  });

  it('listens on loopback only by default', async () => {
    const probe = await startHelloServer('kit-bind');
    try {
      expect((probe.server.address() as AddressInfo).address).toBe('127.0.0.1');
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) {
        const reached = await fetch(`http://${external.address}:${probe.port}/healthz`, {
          signal: AbortSignal.timeout(3000),
        }).then(
          () => true,
          () => false,
        );
        expect(reached).toBe(false);
      }
    } finally {
      await probe.close();
    }
  });

  it('reports itself unready while its event loop stays busy', async () => {
    const busy = await startHelloServer('kit-busy', {
      readiness: [{ name: 'always', check: async () => {} }],
      maxEventLoopLagMs: 100,
    });
    try {
      // A runaway request holding the only thread, slice after slice, for six seconds.
      const end = Date.now() + 6000;
      while (Date.now() < end) {
        const until = Date.now() + 400;
        while (Date.now() < until) {
          // Busy.
        }
        await new Promise((r) => setImmediate(r));
      }
      const res = await fetch(`${busy.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { checks: Record<string, string> };
      expect(body.checks['event-loop']).toMatch(/event loop held: busy \d+%/);
      expect(body.checks.always).toBe('ok');
    } finally {
      await busy.close();
    }
  }, 30_000);
});
