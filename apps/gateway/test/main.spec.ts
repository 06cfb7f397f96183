// The gateway as production runs it: `apps/gateway/src/main.ts` in its own process,
// configured only through the environment.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeyPair, signPersonToken } from '@portal/auth';
import { freePort, runTsx, workspaceRoot } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  gql,
  spawnApp,
  testServices,
  uniqueName,
  type SpawnedApp,
  waitForReady,
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
      const opsPort = await freePort();
      const { mongoUri, redisUrl } = testServices();
      app = await spawnApp(
        'gateway',
        'main',
        {
          PORT: String(port),
          OPS_PORT: String(opsPort),
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
      expect((await waitForReady(`http://127.0.0.1:${opsPort}/readyz`)).status).toBe('ready');
      // Off the public port: readiness fans out to every dependency, metrics describe traffic.
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);

      await app.stop();
      expect(await app.process.exited, app.process.describe()).toBe(0);
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
    'runs as production when NODE_ENV is unset: no introspection, suggestions, CORS * or landing page',
    { timeout: 120_000 },
    async () => {
      subgraphs ??= await startFixtureSubgraphs({ internalTokenSecret: TEST_INTERNAL_SECRET });
      const dir = mkdtempSync(join(tmpdir(), 'gw-main-prod-'));
      const supergraphPath = join(dir, 'supergraph.graphql');
      writeFileSync(supergraphPath, fixtureSupergraph());
      const keys = await ensureDevKeyPair(join(dir, 'idp'));
      const port = await freePort();
      const { mongoUri, redisUrl } = testServices();
      const base = {
        // Empty is unset (as for every variable): nobody asked for development.
        NODE_ENV: '',
        PORT: String(port),
        OPS_PORT: String(await freePort()),
        HOST: '127.0.0.1',
        MONGODB_URI: mongoUri,
        MONGODB_DB: uniqueName('gw_prod'),
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: uniqueName('gwprod'),
        INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
        SUPERGRAPH_PATH: supergraphPath,
        DATA_DIR: dir,
        TRUST_PROXY: 'loopback',
        CONTENT_URL: subgraphs.urls.content!,
        FORUM_URL: subgraphs.urls.forum!,
        LIBRARY_URL: subgraphs.urls.library!,
        REFERRAL_URL: subgraphs.urls.referral!,
      };
      // Without the identity provider's settings it stops, saying what is missing.
      const refused = await runMain(base);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/JWT_ISSUER is required/);
      const noKeys = await runMain({ ...base, JWT_ISSUER: DEV_ISSUER, JWT_AUDIENCE: DEV_AUDIENCE });
      expect(noKeys.status).toBe(1);
      expect(noKeys.stderr).toMatch(
        /JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE is required in production/,
      );
      // No development key pair was created on the server's own disk.
      expect(existsSync(join(dir, 'keys'))).toBe(false);

      const publicKeyFile = join(dir, 'idp-public.pem');
      writeFileSync(publicKeyFile, keys.publicKeyPem);
      const prod = await spawnApp(
        'gateway',
        'main',
        {
          ...base,
          JWT_ISSUER: DEV_ISSUER,
          JWT_AUDIENCE: DEV_AUDIENCE,
          JWT_PUBLIC_KEY_FILE: publicKeyFile,
        },
        `http://127.0.0.1:${port}/healthz`,
      );
      try {
        const url = `http://127.0.0.1:${port}/graphql`;
        const introspection = await gql(url, '{ __schema { types { name } } }');
        expect(introspection.data?.__schema).toBeUndefined();
        expect(JSON.stringify(introspection.errors)).toMatch(/introspection/i);
        const typo = await gql(url, '{ articlez { totalCount } }');
        expect(typo.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
        const preflight = await fetch(url, {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
        });
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
        const page = await fetch(url, { headers: { accept: 'text/html' } });
        expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
        expect(await page.text()).not.toMatch(/sandbox|landing/i);
      } finally {
        await prod.stop();
      }
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
