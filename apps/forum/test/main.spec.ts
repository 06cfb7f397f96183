import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER } from '@portal/auth';
import {
  errorCodes,
  gql,
  internalTokenFor,
  internalTokenWithoutExpiry,
  spawnServingApp,
  testProcessEnv,
  testViewer,
  uniqueName,
  useTestDatabase,
  type ServingApp,
  waitForReady,
} from '@portal/testing';
import { contractOperation } from '@portal/local-services';

let app: ServingApp;
let url: string;
const db = useTestDatabase('forum_main');

beforeAll(async () => {
  // The subgraph as production runs it: its own process, configured by environment only.
  app = await spawnServingApp(
    'forum',
    'main',
    {
      // No HOST: the default must be loopback.
      ...testProcessEnv(db.dbName, uniqueName('forum_main')),
      FORUM_LIMIT_REPLIES: '2/600',
    },
    { waitFor: '/readyz' },
  );
  url = app.url;
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('forum main process', () => {
  it('serves the graph with its configured rules and reports readiness', async () => {
    expect(await waitForReady(`${url}/readyz`)).toEqual({
      status: 'ready',
      checks: { mongo: 'ok', redis: 'ok', 'event-loop': 'ok' },
    });
    const token = await internalTokenFor(testViewer('citizen', { id: 'main-1' }));
    const created = await gql(`${url}/graphql`, contractOperation('CreateThread'), {
      internalToken: token,
      variables: { input: { title: 'Kiểm tra tiến trình', body: 'Nội dung', kind: 'QUESTION' } },
    });
    expect(created.errors).toBeUndefined();
    const threadId = created.data!.createThread.id;
    const reply = (body: string) =>
      gql(`${url}/graphql`, contractOperation('ReplyToThread'), {
        internalToken: token,
        variables: { threadId, body },
      });
    expect((await reply('Một')).errors).toBeUndefined();
    expect((await reply('Hai')).errors).toBeUndefined();
    expect((await reply('Ba')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('forum main process, attacked directly (not through the gateway)', () => {
  const ENTITIES =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thread { id title } } }';
  const anonymous = () => internalTokenFor(ANONYMOUS, { audience: 'forum' });

  it('refuses every request without a valid internal token for the forum', async () => {
    for (const query of ['{ threads { nodes { id } } }', '{ _service { sdl } }', ENTITIES]) {
      const res = await gql(`${url}/graphql`, query, {
        variables: { r: [{ __typename: 'Thread', id: '65f0c0ffee0000000000f001' }] },
      });
      expect(res.status).toBe(401);
      expect(res.data ?? null).toBeNull();
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
    const forLibrary = await internalTokenFor(testViewer('moderator'), { audience: 'library' });
    const misaddressed = await gql(`${url}/graphql`, '{ threads { nodes { id } } }', {
      internalToken: forLibrary,
    });
    expect(misaddressed.status).toBe(401);
    const noExpiry = await internalTokenWithoutExpiry(testViewer('moderator'), 'forum');
    const forever = await gql(`${url}/graphql`, '{ threads { nodes { id } } }', {
      internalToken: noExpiry,
    });
    expect(forever.status).toBe(401);
  });

  it('refuses the depth-38 query and 2,000 aliases itself, even from the gateway', async () => {
    const level = 'replies { nodes { thread { ';
    const deep = `{ thread(id: "65f0c0ffee0000000000f001") { ${level.repeat(12)}id${' } } }'.repeat(12)} } }`;
    const tooDeep = await gql(`${url}/graphql`, deep, { internalToken: await anonymous() });
    expect(tooDeep.data ?? null).toBeNull();
    expect(JSON.stringify(tooDeep.errors)).toMatch(/depth/i);

    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: threads { totalCount }`);
    const flood = await gql(`${url}/graphql`, `{ ${aliases.join(' ')} }`, {
      internalToken: await anonymous(),
    });
    expect(flood.data ?? null).toBeNull();
    expect(JSON.stringify(flood.errors)).toMatch(/alias/i);
  });

  it('returns no inline trace when asked for one', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-federation-include-trace': 'ftv1',
        [INTERNAL_TOKEN_HEADER]: await anonymous(),
      },
      body: JSON.stringify({ query: '{ threads { totalCount } }' }),
    });
    const body = (await res.json()) as { data?: unknown; extensions?: Record<string, unknown> };
    expect(body.data).toBeDefined();
    expect(body.extensions?.ftv1).toBeUndefined();
  });

  it('listens on loopback only when HOST is not set', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    // A machine without another interface cannot be reached from outside anyway.
    if (!external) return;
    const port = new URL(url).port;
    const reached = await fetch(`http://${external.address}:${port}/healthz`, {
      signal: AbortSignal.timeout(3000),
    }).then(
      () => true,
      () => false,
    );
    expect(reached).toBe(false);
  });
});
