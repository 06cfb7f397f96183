// Demo data for local runs (npm start runs it once per database).
import { seedOnce } from '@portal/db';
import { openSeedConnections } from '@portal/queue';
import { ItemCounters } from './counters/item-counters';
import { loadLibraryEnv, storageConfig } from './env';
import { libraryModels } from './models';
import { seedLibrary, seedShowcase } from './seed/seed-library';
import { createStorage } from './storage/create-storage';

const env = loadLibraryEnv();
// The seed counts nothing; its writes reach the graph as any write does: cached lists of
// items are dropped (the subgraph may have cached empty ones already) and the assistant
// indexes them.
const { conn, redis, close, logger } = await openSeedConnections(env, 'library-seed');
const storage = createStorage(storageConfig(env));
try {
  const models = await libraryModels.prepare(conn);
  const counters = new ItemCounters(redis, env.QUEUE_PREFIX);
  const deps = { models, storage, counters, logger };
  await seedOnce(conn, 'library-demo', () => seedLibrary(deps), logger);
  // Its own marker, so databases seeded before the showcase existed get it too.
  await seedOnce(conn, 'library-showcase-demo', () => seedShowcase(deps), logger);
} finally {
  await storage.close();
  await close();
}
