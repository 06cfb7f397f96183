import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  gql,
  internalTokenFor,
  spawnApp,
  timeoutForProcesses,
  testServices,
  testViewer,
  uniqueName,
  useTestDatabase,
  waitUntil,
  type SpawnedApp,
  fetchAsGateway,
  waitForReady,
} from '@portal/testing';
import { startContentFixture, type ContentFixture } from './fixtures/content-subgraph';
import { ADD_ITEM, CREATE_ISSUE, SCHEDULE } from './support/harness';

// The real entry points as separate processes, as npm start and production run them.
const db = useTestDatabase('processes');
const dataDir = mkdtempSync(join(tmpdir(), 'bulletin-data-'));
let content: ContentFixture;
let env: Record<string, string>;
let main: SpawnedApp;
let mainUrl: string;
const running: SpawnedApp[] = [];

beforeAll(async () => {
  const { mongoUri, redisUrl } = testServices();
  content = await startContentFixture();
  const port = await freePort();
  mainUrl = `http://127.0.0.1:${port}`;
  env = {
    MONGODB_URI: mongoUri,
    MONGODB_DB: db.dbName,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: uniqueName('processes'),
    INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
    SUBSCRIPTION_TOKEN_SECRET: 'processes-test-subscription-secret-0123456789',
    PUBLIC_BASE_URL: 'https://cds.example.vn',
    CONTENT_URL: content.url,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    OPS_PORT: String(await freePort()),
  };
  main = await spawnApp('bulletin', 'main', env, `${mainUrl}/healthz`);
  running.push(main);
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await content.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const editor = async (query: string, variables: Record<string, unknown>) =>
  gql(`${mainUrl}/graphql`, query, {
    variables,
    internalToken: await internalTokenFor(testViewer('editor')),
  });

// A test here starts at most two processes (the worker, or the seed twice) and waits up to a
// minute for the worker's work.
const twoStarts = { timeout: timeoutForProcesses(2, 60_000) };

describe('bulletin processes', twoStarts, () => {
  it('is ready once its database and Redis answer', async () => {
    expect(await waitForReady(`${mainUrl}/readyz`)).toEqual({
      status: 'ready',
      checks: { mongo: 'ok', redis: 'ok', 'event-loop': 'ok' },
    });
  });

  it('publishes a schedule that fell due while no worker was running, once one starts', async () => {
    const article = content.add({ title: 'Bài trong bản tin' });
    const created = await editor(CREATE_ISSUE, {
      input: { year: 2025, month: 5, title: 'Bản tin tháng 5/2025' },
    });
    const id = created.data!.createBulletinIssue.id;
    await editor(ADD_ITEM, { issueId: id, section: 'Tin', articleId: article.id });
    const at = new Date(Date.now() + 1000);
    await editor(SCHEDULE, { id, at: at.toISOString() });
    await waitUntil(() => Date.now() > at.getTime() + 500, { what: 'the scheduled time to pass' });

    const opsUrl = `http://127.0.0.1:${env.OPS_PORT}`;
    const worker = await spawnApp('bulletin', 'worker', env, `${opsUrl}/healthz`);
    running.push(worker);
    const conn = await db.connection();
    const issue = await waitUntil(
      async () => {
        const doc = await conn.collection('issues').findOne({ _id: new Types.ObjectId(id) });
        return doc?.publication?.notifiedAt ? doc : null;
      },
      { what: 'the worker to publish the issue', timeoutMs: 60_000 },
    );
    expect(issue.status).toBe('PUBLISHED');
    // The audio the worker rendered is served by the subgraph process.
    const audio = await fetchAsGateway(`${mainUrl}/audio/${id}.mp3`, {
      headers: { range: 'bytes=0-9' },
    });
    expect(audio.status).toBe(206);
    expect((await waitForReady(`${opsUrl}/readyz`)).status).toBe('ready');

    // SIGTERM: the worker closes its queues and exits cleanly.
    await worker.stop();
    expect(await worker.process.exited, worker.process.describe()).toBe(0);
  });

  it('seeds demo data through its entry point, once', async () => {
    for (const run of [1, 2]) {
      const seed = await spawnApp('bulletin', 'seed', env);
      expect(await seed.process.exited, `seed run ${run}`).toBe(0);
    }
    const conn = await db.connection();
    expect(await conn.collection('_seeds').countDocuments({ _id: 'demo' as never })).toBe(1);
    expect(await conn.collection('issues').countDocuments({ createdBy: 'seed' })).toBe(12);
  });
});
