import { networkInterfaces } from 'node:os';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { freePort } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  errorCodes,
  gql,
  internalTokenFor,
  spawnApp,
  testServices,
  testViewer,
  uniqueName,
  type SpawnedApp,
  waitForReady,
} from '@portal/testing';
import { contractOperation } from './contract-ops';

let app: SpawnedApp;
let url: string;
const dbName = uniqueName('forum_main');

beforeAll(async () => {
  const { mongoUri, redisUrl } = testServices();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // The subgraph as production runs it: its own process, configured by environment only.
  app = await spawnApp(
    'forum',
    'main',
    {
      // No HOST: the default must be loopback.
      PORT: String(port),
      MONGODB_URI: mongoUri,
      MONGODB_DB: dbName,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: uniqueName('forum_main'),
      INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
      FORUM_LIMIT_REPLIES: '2/600',
    },
    `${url}/readyz`,
  );
}, 120_000);

afterAll(async () => {
  await app?.stop();
  const mongoose = (await import('mongoose')).default;
  const conn = await mongoose.createConnection(testServices().mongoUri, { dbName }).asPromise();
  await conn.dropDatabase();
  await conn.close();
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
    const noExpiry = await new SignJWT({ v: testViewer('moderator') })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('portal-gateway')
      .setAudience('portal-subgraph:forum')
      .sign(new TextEncoder().encode(TEST_INTERNAL_SECRET));
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
