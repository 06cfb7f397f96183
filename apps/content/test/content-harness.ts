import type { Role, Viewer } from '@portal/auth';
import { syncIndexes } from '@portal/db';
import type { RunningSubgraph } from '@portal/service-runtime';
import { type SubgraphHarness, TEST_LISTEN, testLogger, useSubgraph } from '@portal/testing';
import { createContent } from '../src/content-services';
import type { ContentServices } from '../src/context';
import type { ContentQueues } from '../src/jobs/content-queues';
import { startServer } from '../src/server';

/** The gateway's public address (feeds) and the web front end's (pages): two hosts, as in production. */
export const PUBLIC_BASE_URL = 'https://api.cds.test.hochiminhcity.gov.vn';
export const WEB_BASE_URL = 'https://cds.test.hochiminhcity.gov.vn';

export type ContentHarness = SubgraphHarness<RunningSubgraph> & {
  queues: ContentQueues;
  services: ContentServices;
  url: string;
};

/** Silent unless PORTAL_TEST_LOGS=1 (as for spawned apps). */
export const silentLogger = testLogger('content-test');

/**
 * Starts the real content subgraph in-process for one test file (`useSubgraph`): its own
 * database on the test FerretDB, its own queue/key prefix on the test Redis, real HTTP.
 */
export function useContentServer(label: string): ContentHarness {
  return useSubgraph(label, async (env) => {
    const { queues, services } = createContent({
      conn: env.conn,
      redis: env.redis,
      prefix: env.prefix,
      webBaseUrl: WEB_BASE_URL,
      viewDedupeSeconds: 1800,
      logger: silentLogger,
    });
    env.onClose(() => queues.close());
    await syncIndexes(env.conn);
    const server = await startServer({
      ...TEST_LISTEN,
      publicBaseUrl: PUBLIC_BASE_URL,
      webBaseUrl: WEB_BASE_URL,
      conn: env.conn,
      redis: env.redis,
      services,
      logger: silentLogger,
    });
    return { server, queues, services, url: server.graphqlUrl };
  });
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
  const res = await h.call<{ createArticle: { id: string; slug: string; version: number } }>(
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
  const res = await h.call(
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
