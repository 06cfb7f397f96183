// Brings the content database to SCALE_FRACTION of the benchmarks' scale data (10,000
// published articles at 1), adding only what is missing; prints one line of JSON.
// `node --import tsx apps/content/bench/scale-seed.ts` (`npm run seed -- --scale F` runs it).
import { openSeedConnections } from '@portal/queue';
import { runScaleSeed } from '@portal/testing/bench';
import { env } from '../src/env';
import { contentModels } from '../src/models';
import { seedScale } from './scale-data';

const { conn, close } = await openSeedConnections(env, 'content-scale-seed');
await runScaleSeed(
  'content',
  async (fraction) => {
    return seedScale({ models: await contentModels.prepare(conn), fraction, now: new Date() });
  },
  close,
);
