import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { ANONYMOUS, type Role, type Viewer } from '@portal/auth';
import { syncIndexes } from '@portal/db';
import type { RunningSubgraph } from '@portal/service-runtime';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import {
  TEST_INTERNAL_SECRET,
  gql,
  internalTokenFor,
  testServices,
  testViewer,
  uniqueName,
  useTestDatabase,
  type GraphQLResponse,
} from '@portal/testing';
import { createContentServices } from '../src/content-services';
import type { ContentServices } from '../src/context';
import { createContentQueues, type ContentQueues } from '../src/jobs/content-queues';
import { startServer } from '../src/server';

export const PUBLIC_BASE_URL = 'https://cds.test.hochiminhcity.gov.vn';

export interface ContentHarness {
  conn: Connection;
  redis: Redis;
  prefix: string;
  dbName: string;
  queues: ContentQueues;
  services: ContentServices;
  server: RunningSubgraph;
  url: string;
  /** Runs an operation over HTTP as `who` (a role, a viewer, or nobody). */
  gql<T = Record<string, any>>(
    who: Role | Viewer | null,
    query: string,
    variables?: Record<string, unknown>,
    options?: { clientKey?: string },
  ): Promise<GraphQLResponse<T>>;
}

/** Silent unless PORTAL_TEST_LOGS=1 (as for spawned apps). */
export const silentLogger = createLogger({
  service: 'content-test',
  level: process.env.PORTAL_TEST_LOGS === '1' ? 'debug' : 'silent',
  pretty: false,
  destination: process.stderr,
});

/**
 * Starts the real content subgraph in-process for one test file: its own database on the
 * test FerretDB, its own queue/key prefix on the test Redis, real HTTP.
 */
export function useContentServer(label: string): ContentHarness {
  const db = useTestDatabase(label);
  const { redisUrl } = testServices();
  const h = { prefix: uniqueName(label), dbName: db.dbName } as ContentHarness;
  beforeAll(async () => {
    h.conn = await db.connection();
    h.redis = createRedisConnection(redisUrl, 'producer');
    h.queues = createContentQueues(h.conn, h.redis, h.prefix, silentLogger);
    h.services = createContentServices({
      conn: h.conn,
      redis: h.redis,
      queues: h.queues,
      publicBaseUrl: PUBLIC_BASE_URL,
      keyPrefix: h.prefix,
      viewDedupeSeconds: 1800,
      logger: silentLogger,
    });
    await syncIndexes(h.conn);
    h.server = await startServer({
      port: 0,
      host: '127.0.0.1',
      internalTokenSecret: TEST_INTERNAL_SECRET,
      publicBaseUrl: PUBLIC_BASE_URL,
      conn: h.conn,
      redis: h.redis,
      services: h.services,
      logger: silentLogger,
    });
    h.url = h.server.graphqlUrl;
    h.gql = async (who, query, variables, options) => {
      // The gateway signs a token for anonymous callers too, carrying their client key.
      const viewer = typeof who === 'string' ? testViewer(who) : (who ?? ANONYMOUS);
      const internalToken = await internalTokenFor(viewer, { clientKey: options?.clientKey });
      return gql(h.url, query, { variables, internalToken });
    };
  });
  afterAll(async () => {
    await h.server?.close();
    await h.queues?.close();
    h.redis?.disconnect();
  });
  return h;
}

export const ARTICLE_FIELDS =
  'id slug title summary body kind scope tags status version publishedAt scheduledAt updatedAt sourceUnit coverImageUrl author { id displayName } category { id name }';

let counter = 0;

/** A valid CreateArticleInput with a unique title. */
export function articleInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    title: `Thành phố Hồ Chí Minh đẩy mạnh chuyển đổi số lần ${counter}`,
    body: '<p>Ủy ban nhân dân Thành phố ban hành kế hoạch triển khai.</p>',
    kind: 'NEWS',
    ...overrides,
  };
}

/** Creates an article as `who` and returns its id (fails the test on any error). */
export async function createArticle(
  h: ContentHarness,
  who: Role | Viewer = 'editor',
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; slug: string; version: number }> {
  const res = await h.gql<{ createArticle: { id: string; slug: string; version: number } }>(
    who,
    'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug version } }',
    { input: articleInput(overrides) },
  );
  if (!res.data?.createArticle)
    throw new Error(`createArticle failed: ${JSON.stringify(res.errors)}`);
  return res.data.createArticle;
}

/** Creates and publishes an article now (as an editor). */
export async function createPublished(
  h: ContentHarness,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; slug: string }> {
  const article = await createArticle(h, 'editor', overrides);
  const res = await h.gql(
    'editor',
    'mutation($id: ID!) { publishArticle(id: $id) { id status } }',
    {
      id: article.id,
    },
  );
  if (res.data?.publishArticle?.status !== 'PUBLISHED')
    throw new Error(`publish failed: ${JSON.stringify(res.errors)}`);
  return article;
}
