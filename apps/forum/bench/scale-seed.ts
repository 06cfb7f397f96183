// The forum's part of the federation benchmark's scale data, SCALE_FRACTION of it (default 1):
//   node --import tsx apps/forum/bench/scale-seed.ts   (`npm run seed -- --scale F` runs it)
// Connects as the demo seed does, inserts what is missing and prints one JSON line:
// {"app":"forum","fraction":f,"inserted":{…},"total":{…},"ms":n}. The generated threads
// reach the graph as any write does: cached lists are dropped, gateways and the assistant hear.
import { openSeedConnections } from '@portal/queue';
import { runScaleSeed } from '@portal/testing/bench';
import { loadSeedEnv } from '../src/env';
import { forumModels } from '../src/models';
import { seedScale } from './scale-data';

const { conn, close } = await openSeedConnections(loadSeedEnv(), 'forum-scale-seed');
await runScaleSeed(
  'forum',
  async (fraction) => {
    const models = await forumModels.prepare(conn);
    const { inserted, total } = await seedScale(models, fraction, new Date());
    return { inserted, total };
  },
  close,
);
