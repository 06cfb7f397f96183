// The entry points as production runs them: seed, subgraph and worker as child processes.
import { describe, expect, it } from 'vitest';
import { freePort } from '@portal/local-services';
import {
  gql,
  internalTokenFor,
  spawnApp,
  testServices,
  testViewer,
  uniqueName,
  useTestDatabase,
  waitUntil,
  TEST_INTERNAL_SECRET,
} from '@portal/testing';

const db = useTestDatabase('eng_processes');

describe('the engagement processes', () => {
  it(
    'seed the demo data once, serve GraphQL, run the worker, and stop on SIGTERM',
    { timeout: 240_000 },
    async () => {
      const { mongoUri, redisUrl } = testServices();
      const env = {
        MONGODB_URI: mongoUri,
        MONGODB_DB: db.dbName,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: uniqueName('engproc'),
        INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
        WEB_BASE_URL: 'https://cds.example.vn',
        HOST: '127.0.0.1',
      };
      for (let run = 0; run < 2; run++) {
        const seed = await spawnApp('engagement', 'seed', env);
        expect(await seed.process.exited).toBe(0);
      }

      const port = await freePort();
      const opsPort = await freePort();
      const main = await spawnApp(
        'engagement',
        'main',
        { ...env, PORT: String(port) },
        `http://127.0.0.1:${port}/healthz`,
      );
      const worker = await spawnApp(
        'engagement',
        'worker',
        { ...env, OPS_PORT: String(opsPort) },
        `http://127.0.0.1:${opsPort}/healthz`,
      );
      try {
        // Ready once its connections are (Redis may still be connecting when /healthz answers).
        for (const url of [`http://127.0.0.1:${port}/readyz`, `http://127.0.0.1:${opsPort}/readyz`])
          await waitUntil(async () => (await fetch(url)).status === 200, {
            what: url,
            timeoutMs: 60_000,
          });
        const res = await gql(
          `http://127.0.0.1:${port}/graphql`,
          '{ surveys { totalCount } events { totalCount } contests { totalCount } }',
          { internalToken: await internalTokenFor(testViewer('citizen')) },
        );
        // Seeded once, although the seed ran twice.
        expect(res.data).toEqual({
          surveys: { totalCount: 4 },
          events: { totalCount: 2 },
          contests: { totalCount: 1 },
        });
      } finally {
        await worker.stop();
        await main.stop();
      }
      expect(await worker.process.exited).toBe(0);
      expect(await main.process.exited).toBe(0);
    },
  );
});
