import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRole, requireRole } from '@portal/auth';
import { forbidden } from '@portal/errors';
import { createLogger } from '@portal/logger';
import {
  TEST_INTERNAL_SECRET,
  errorCodes,
  gql,
  internalTokenFor,
  testViewer,
} from '@portal/testing';
import {
  createByIdLoader,
  loadSchemaFile,
  startSubgraphServer,
  type BaseContext,
  type RunningSubgraph,
} from '../src';

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
    port: 0,
    host: '127.0.0.1',
    typeDefs: loadSchemaFile(join(import.meta.dirname, 'fixtures/schema.graphql')),
    internalTokenSecret: TEST_INTERNAL_SECRET,
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
      },
    },
  });
});
afterAll(() => server.close());

describe('subgraph server', () => {
  it('serves a query, with a cache-control header from @cacheControl hints', async () => {
    const res = await gql(server.graphqlUrl, '{ hello }');
    expect(res.data).toEqual({ hello: 'Xin chào' });
    expect(res.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('takes the viewer only from a valid internal token', async () => {
    const token = await internalTokenFor(testViewer('editor', { displayName: 'Chị Lan' }));
    expect((await gql(server.graphqlUrl, '{ me secret }', { internalToken: token })).data).toEqual({
      me: 'Chị Lan',
      secret: 'bí mật',
    });

    const forged = await internalTokenFor(testViewer('admin'), { secret: 'x'.repeat(40) });
    const res = await gql(server.graphqlUrl, '{ secret }', {
      internalToken: forged,
      headers: { 'x-user-role': 'admin' },
    });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    const citizen = await internalTokenFor(testViewer('citizen'));
    expect(
      errorCodes(await gql(server.graphqlUrl, '{ secret }', { internalToken: citizen })),
    ).toEqual(['FORBIDDEN']);
  });

  it('masks internal errors and never leaks database details', async () => {
    const res = await gql(server.graphqlUrl, '{ boom }');
    expect(res.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(res)).not.toMatch(/E11000|secret-host|stacktrace/);
  });

  it('parses and serializes DateTime, refusing malformed values with BAD_USER_INPUT', async () => {
    const ok = await gql(server.graphqlUrl, 'query($at: DateTime!) { echoDate(at: $at) }', {
      variables: { at: '2025-11-01T08:00:00+07:00' },
    });
    expect(ok.data).toEqual({ echoDate: '2025-11-01T01:00:00.000Z' });
    const bad = await gql(server.graphqlUrl, 'query($at: DateTime!) { echoDate(at: $at) }', {
      variables: { at: 'tomorrow' },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves N entity references with one batched fetch', async () => {
    fetched.length = 0;
    const res = await gql(
      server.graphqlUrl,
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
    expect(await ready.json()).toEqual({ status: 'ready', checks: { always: 'ok' } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('graphql_operations_total');
    expect(metrics).toMatch(
      /graphql_errors_total\{code="INTERNAL_SERVER_ERROR",service="kit-test"\} [1-9]/,
    );
  });

  it('echoes a well-formed request id', async () => {
    const res = await gql(server.graphqlUrl, '{ hello }', {
      headers: { 'x-request-id': 'req-abcdef123' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-abcdef123');
  });
});
