// Brings the bulletin database to SCALE_FRACTION of the benchmarks' scale data (24 published
// monthly issues at 1), adding only what is missing; prints one line of JSON. Its items point at
// content's generated articles: run content's scale seed first, with the content subgraph up
// at CONTENT_URL (`npm run seed -- --scale F` seeds the bulletin last, as the demo's).
// `node --import tsx apps/bulletin/bench/scale-seed.ts`
import { openSeedConnections } from '@portal/queue';
import { runScaleSeed } from '@portal/testing/bench';
import { createContentArticles } from '../src/content/content-articles';
import { contentClientConfig, env } from '../src/env';
import { bulletinModels } from '../src/models';
import { seedScale } from './scale-data';

const { conn, close, logger } = await openSeedConnections(env, 'bulletin-scale-seed');
await runScaleSeed(
  'bulletin',
  async (fraction) => {
    return seedScale({
      models: await bulletinModels.prepare(conn),
      content: createContentArticles({ ...contentClientConfig(env), logger }),
      fraction,
      now: new Date(),
    });
  },
  close,
);
