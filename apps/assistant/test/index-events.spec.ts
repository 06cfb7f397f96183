// The retrieval index follows the graph: the content subgraph (a real process) publishes
// and archives an article, and the assistant worker re-reads it through content's API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@portal/auth';
import { freePort, waitForHttp } from '@portal/local-services';
import {
  gql,
  internalTokenFor,
  spawnApp,
  testServices,
  testViewer,
  timeoutForProcesses,
  uniqueName,
  useTestDatabase,
  waitUntil,
  TEST_INTERNAL_SECRET,
  type SpawnedApp,
} from '@portal/testing';
import mongoose, { type Connection } from 'mongoose';
import { startAssistantWorkers, type RunningAssistantWorkers } from '../src/jobs/start-workers';
import { assistantModels } from '../src/models';
import { PREVIEW_LIMITS, WEB_BASE_URL, logger, useOpenDataPortal } from './support/harness';

const portal = useOpenDataPortal();
const db = useTestDatabase('asst_events');
const contentDb = useTestDatabase('asst_events_content');
const prefix = uniqueName('asst_events');
let content: SpawnedApp;
let contentUrl = '';
let conn: Connection;
let workers: RunningAssistantWorkers;

beforeAll(
  async () => {
    const { mongoUri, redisUrl } = testServices();
    const port = await freePort();
    contentUrl = `http://127.0.0.1:${port}`;
    content = await spawnApp('content', 'main', {
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: mongoUri,
      MONGODB_DB: contentDb.dbName,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
      WEB_BASE_URL,
    });
    await waitForHttp(`${contentUrl}/healthz`, {
      timeoutMs: 180_000,
      isAlive: () => content.process.running,
    });
    conn = await mongoose.createConnection(db.uri, { dbName: db.dbName }).asPromise();
    await assistantModels.prepare(conn);
    const closed = `http://127.0.0.1:${await freePort()}`;
    workers = await startAssistantWorkers(
      {
        redisUrl,
        queuePrefix: prefix,
        concurrency: 2,
        webBaseUrl: WEB_BASE_URL,
        syncEveryMs: 0,
        catalog: {
          portalUrl: portal.url,
          pageSize: 50,
          timeoutMs: 2000,
          attempts: 2,
          backoffMs: 50,
        },
        preview: PREVIEW_LIMITS,
        sources: {
          contentUrl,
          libraryUrl: closed,
          forumUrl: closed,
          internalTokenSecret: TEST_INTERNAL_SECRET,
          webBaseUrl: WEB_BASE_URL,
        },
      },
      { conn, logger },
    );
    await workers.follower.ready;
  },
  timeoutForProcesses(1, 240_000),
);

afterAll(async () => {
  await workers?.close();
  await content?.stop();
  await conn?.close();
});

const asEditor = async (query: string, variables: Record<string, unknown>) => {
  const res = await gql(`${contentUrl}/graphql`, query, {
    variables,
    internalToken: await internalTokenFor(testViewer('editor')),
  });
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data as any;
};

describe('the index kept current by graph changes', () => {
  it(
    'indexes a published article, cites it, and drops it once archived',
    { timeout: 120_000 },
    async () => {
      const { createArticle } = await asEditor(
        'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug } }',
        {
          input: {
            title: 'Hướng dẫn đăng ký xe máy điện trực tuyến',
            summary:
              'Người dân đăng ký biển số xe máy điện trực tuyến trên Cổng dịch vụ công, không cần đến trụ sở.',
            body: '<p>Hồ sơ đăng ký xe máy điện được xử lý trong hai ngày làm việc.</p>',
            kind: 'HANDBOOK',
          },
        },
      );
      const id = createArticle.id as string;
      // A draft is not published: nothing to index.
      await asEditor('mutation($id: ID!) { publishArticle(id: $id) { id status } }', { id });
      await waitUntil(
        async () => (await workers.core.models.Passage.countDocuments({ sourceId: id })) > 0,
        {
          what: 'the published article indexed',
          timeoutMs: 60_000,
        },
      );
      const answer = await workers.core.ask.ask(ANONYMOUS, 'k', {
        question: 'Đăng ký biển số xe máy điện trực tuyến như thế nào?',
      });
      expect(answer.citations[0]).toMatchObject({
        kind: 'HANDBOOK',
        sourceId: id,
        link: `${WEB_BASE_URL}/bai-viet/${createArticle.slug}`,
      });

      await asEditor('mutation($id: ID!) { archiveArticle(id: $id) { id status } }', { id });
      await waitUntil(
        async () => (await workers.core.models.Passage.countDocuments({ sourceId: id })) === 0,
        {
          what: 'the archived article dropped',
          timeoutMs: 60_000,
        },
      );
      const after = await workers.core.ask.ask(ANONYMOUS, 'k', {
        question: 'Đăng ký biển số xe máy điện trực tuyến như thế nào?',
      });
      expect(after.citations.map((c) => c.sourceId)).not.toContain(id);
    },
  );
});
