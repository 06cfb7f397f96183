import { clientKeyOf } from '@portal/auth';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { appSchemaPath, loadSchemaFile } from '@portal/graphql-kit';
import { createMetrics, createRateLimiter } from '@portal/http';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import type { SubgraphListen } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import type { LibraryContext } from './context';
import { ItemCounters } from './counters/item-counters';
import { libraryAudienceCounter } from './stats/library-stats';
import { clientIdentity } from './domain/counting';
import { downloadRoute } from './files/download.route';
import { createFileMetrics } from './files/file-metrics';
import { uploadRoute } from './files/upload.route';
import { createLoaders } from './loaders';
import { libraryModels } from './models';
import { resolvers } from './resolvers';
import type { FileStorage } from './storage/file-storage';

export interface LibraryServerConfig extends SubgraphListen {
  /** Where people reach the portal; file URLs start here. */
  publicBaseUrl: string;
  maxUploadBytes: number;
  uploadsPerHour: number;
  uploadTimeoutMs: number;
  /** Prefix of this deployment's Redis keys (QUEUE_PREFIX). */
  keyPrefix: string;
}

export interface LibraryServerDeps {
  conn: Connection;
  redis: Redis;
  storage: FileStorage;
  logger: Logger;
}

/**
 * The library subgraph: `/graphql`, `POST /uploads`, `GET|HEAD /files/:id` and the ops
 * routes. It connects nothing itself; `main.ts` (or a test) hands it the connections.
 */
export async function startServer(
  config: LibraryServerConfig,
  deps: LibraryServerDeps,
): Promise<RunningSubgraph> {
  const models = await libraryModels.prepare(deps.conn);
  const counters = new ItemCounters(deps.redis, config.keyPrefix);
  const audience = libraryAudienceCounter({
    conn: deps.conn,
    redis: deps.redis,
    keyPrefix: config.keyPrefix,
    logger: deps.logger,
  });
  const metrics = createMetrics('library');
  const fileMetrics = createFileMetrics(metrics.registry);
  const limiter = createRateLimiter(
    deps.redis,
    { name: 'library-upload', points: config.uploadsPerHour, windowSeconds: 3600 },
    config.keyPrefix,
  );
  const running = await startSubgraphServer<LibraryContext>({
    name: 'library',
    listen: config,
    metrics,
    typeDefs: loadSchemaFile(appSchemaPath(import.meta.dirname)),
    resolvers,
    logger: deps.logger,
    data: deps,
    readiness: [{ name: 'storage', check: () => deps.storage.checkReady() }],
    routes: (app) => {
      app.post(
        '/uploads',
        uploadRoute({
          models,
          storage: deps.storage,
          logger: deps.logger,
          publicBaseUrl: config.publicBaseUrl,
          maxUploadBytes: config.maxUploadBytes,
          limiter,
          metrics: fileMetrics,
        }),
      );
      app.get(
        '/files/:id',
        downloadRoute({
          models,
          storage: deps.storage,
          counters,
          logger: deps.logger,
          metrics: fileMetrics,
        }),
      );
    },
    context: (base, req) => ({
      ...base,
      models,
      loaders: createLoaders(models),
      counters,
      publicBaseUrl: config.publicBaseUrl,
      client: clientIdentity(clientKeyOf(base, req.ip)),
      audience,
    }),
  });
  // Node's default (5 minutes for a whole request) would cut large uploads on slow links.
  running.server.requestTimeout = config.uploadTimeoutMs;
  return running;
}
