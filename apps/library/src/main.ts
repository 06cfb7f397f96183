// The library subgraph: items, files (uploads and ranged downloads), collections, the app directory (port 4002).
import { runSubgraph } from '@portal/service-runtime';
import { loadLibraryEnv, serverConfig, storageConfig } from './env';
import { SWEEP_GRACE_MS } from './jobs/sweep-storage';
import { startServer } from './server';
import { createStorage, describeStorage } from './storage/create-storage';

const env = loadLibraryEnv();
await runSubgraph({ name: 'library', env }, async (rt) => {
  const storage = createStorage(storageConfig(env));
  rt.onClose(() => storage.close());
  rt.logger.info(describeStorage(storageConfig(env)), 'library file storage');
  // With S3 the staging folder is this replica's own disk, which the worker's sweep may not
  // see: clear what a crash here left behind (a day old or more) at every start.
  void storage
    .purgeStaging(new Date(Date.now() - SWEEP_GRACE_MS))
    .catch((err: unknown) => rt.logger.warn({ err }, 'could not clear old staged uploads'));
  return startServer(serverConfig(env), { ...rt, storage });
});
