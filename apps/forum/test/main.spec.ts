import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  gql,
  internalTokenFor,
  spawnApp,
  testServices,
  testViewer,
  uniqueName,
  type SpawnedApp,
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
      PORT: String(port),
      HOST: '127.0.0.1',
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
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { mongo: 'ok', redis: 'ok' } });
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
