// The library's scale data for the benchmarks (`npm run seed -- --scale F` runs it with
// SCALE_FRACTION=F): brings the generated items to F of SCALE_DATA.libraryItems, connected
// as the demo seed is (its writes reach the graph as any write does). Prints one JSON line.
import { openSeedConnections } from '@portal/queue';
import { runScaleSeed } from '@portal/testing/bench';
import { ItemCounters } from '../src/counters/item-counters';
import { loadLibraryEnv, storageConfig } from '../src/env';
import { libraryModels } from '../src/models';
import { createStorage } from '../src/storage/create-storage';
import { seedScale } from './scale-data';

const env = loadLibraryEnv();
const { conn, redis, close, logger } = await openSeedConnections(env, 'library-scale-seed');
const storage = createStorage(storageConfig(env));
await runScaleSeed(
  'library',
  async (fraction) => {
    return seedScale({
      models: await libraryModels.prepare(conn),
      storage,
      counters: new ItemCounters(redis, env.QUEUE_PREFIX),
      logger,
      fraction,
      now: new Date(),
    });
  },
  async () => {
    await storage.close();
    await close();
  },
);
