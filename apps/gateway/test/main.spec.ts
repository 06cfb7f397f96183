// The gateway as production runs it: `apps/gateway/src/main.ts` in its own process,
// configured only through the environment.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signPersonToken } from '@portal/auth';
import { freePort, runTsx, workspaceRoot } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  gql,
  spawnApp,
  testServices,
  uniqueName,
  type SpawnedApp,
} from '@portal/testing';
import { startFixtureSubgraphs, type FixtureSubgraphs } from './fixtures/fixture-subgraphs';
import { fixtureSupergraph } from './support/test-gateway';

const root = workspaceRoot();
let subgraphs: FixtureSubgraphs | undefined;
let app: SpawnedApp | undefined;
afterAll(async () => {
  await app?.stop();
  await subgraphs?.close();
});

function runMain(env: Record<string, string>) {
  return runTsx(join(root, 'apps/gateway/src/main.ts'), [], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    timeoutMs: 60_000,
  });
}

describe('main.ts', () => {
  it(
    'starts from the environment, creates the development key pair, serves, and stops on SIGTERM',
    { timeout: 120_000 },
    async () => {
      subgraphs = await startFixtureSubgraphs({ internalTokenSecret: TEST_INTERNAL_SECRET });
      const dir = mkdtempSync(join(tmpdir(), 'gw-main-'));
      const supergraphPath = join(dir, 'supergraph.graphql');
      writeFileSync(supergraphPath, fixtureSupergraph());
      const port = await freePort();
      const { mongoUri, redisUrl } = testServices();
      app = await spawnApp(
        'gateway',
        'main',
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          MONGODB_URI: mongoUri,
          MONGODB_DB: uniqueName('gw_main'),
          REDIS_URL: redisUrl,
          QUEUE_PREFIX: uniqueName('gwmain'),
          INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
          SUPERGRAPH_PATH: supergraphPath,
          DATA_DIR: dir,
          CONTENT_URL: subgraphs.urls.content,
          FORUM_URL: subgraphs.urls.forum,
          LIBRARY_URL: subgraphs.urls.library,
          REFERRAL_URL: subgraphs.urls.referral,
        },
        `http://127.0.0.1:${port}/healthz`,
      );
      const privateKey = join(dir, 'keys', 'dev-idp-private.pem');
      expect(existsSync(privateKey)).toBe(true);
      const token = await signPersonToken(readFileSync(privateKey, 'utf8'), {
        sub: 'u-main',
        name: 'Người dùng',
        role: 'citizen',
      });
      const res = await gql(
        `http://127.0.0.1:${port}/graphql`,
        '{ whoami { viewerId } articles { totalCount } }',
        {
          bearer: token,
        },
      );
      expect(res.data).toEqual({ whoami: { viewerId: 'u-main' }, articles: { totalCount: 2 } });
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

      await app.stop();
      expect(await app.process.exited).toBe(0);
    },
  );

  it(
    'refuses to start in production without the identity provider or the databases',
    { timeout: 120_000 },
    async () => {
      const run = await runMain({
        NODE_ENV: 'production',
        INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(
        /^gateway: invalid configuration: .*MONGODB_URI is required.*REDIS_URL is required/,
      );
      expect(run.stderr).toMatch(/JWT_ISSUER is required/);
    },
  );

  it(
    'says how to produce the supergraph when the file is missing',
    { timeout: 120_000 },
    async () => {
      const { mongoUri, redisUrl } = testServices();
      const run = await runMain({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        MONGODB_URI: mongoUri,
        REDIS_URL: redisUrl,
        INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
        SUPERGRAPH_PATH: join(tmpdir(), 'no-such-supergraph.graphql'),
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /no supergraph at .*no-such-supergraph\.graphql: run `npm run compose`/,
      );
    },
  );
});
