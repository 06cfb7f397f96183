// The entry points as production runs them: seed, subgraph and worker as child processes.
import { describe, expect, it } from 'vitest';
import {
  gql,
  internalTokenFor,
  spawnApp,
  spawnServingApp,
  testProcessEnv,
  testViewer,
  uniqueName,
  useTestDatabase,
  waitForReady,
} from '@portal/testing';

const db = useTestDatabase('eng_processes');

describe('the engagement processes', () => {
  it(
    'seed the demo data once, serve GraphQL, run the worker, and stop on SIGTERM',
    { timeout: 240_000 },
    async () => {
      const env = {
        ...testProcessEnv(db.dbName, uniqueName('engproc')),
        WEB_BASE_URL: 'https://cds.example.vn',
        HOST: '127.0.0.1',
      };
      for (let run = 0; run < 2; run++) {
        const seed = await spawnApp('engagement', 'seed', env);
        expect(await seed.process.exited, seed.process.describe()).toBe(0);
      }

      const main = await spawnServingApp('engagement', 'main', env);
      const worker = await spawnServingApp('engagement', 'worker', env);
      try {
        // Ready once its connections are (Redis may still be connecting when /healthz answers).
        for (const app of [main, worker]) await waitForReady(`${app.url}/readyz`);
        const res = await gql(
          `${main.url}/graphql`,
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
      expect(await worker.process.exited, worker.process.describe()).toBe(0);
      expect(await main.process.exited, main.process.describe()).toBe(0);
    },
  );
});
