import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import {
  createByIdLoader,
  createGroupLoader,
  appSchemaPath,
  loadSchemaFile,
} from '@portal/graphql-kit';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import type { SubgraphListen } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import DataLoader from 'dataloader';
import { publicUserId } from '@portal/auth';
import type { ContentContext, ContentLoaders, ContentServices } from './context';
import { mountFeedRoutes } from './http/feeds.route';
import { resolvers } from './resolvers';
import type { RevisionDoc } from './models/revision.model';

export interface ContentServerConfig extends SubgraphListen {
  /** PUBLIC_BASE_URL: where the gateway forwards the feeds from. */
  publicBaseUrl: string;
  /** WEB_BASE_URL: the portal's pages. */
  webBaseUrl: string;
  conn: Connection;
  redis: Redis;
  services: ContentServices;
  logger: Logger;
}

const SCHEMA_PATH = appSchemaPath(import.meta.dirname);

/** Per-request loaders: every "by id" lookup in one request is one query. */
export function createLoaders(services: ContentServices): ContentLoaders {
  const { models } = services;
  return {
    articles: createByIdLoader(
      (ids) => services.queries.byIds(ids),
      (a) => String(a._id),
    ),
    categories: createByIdLoader(
      (ids) => services.categories.byIds(ids),
      (c) => String(c._id),
    ),
    categoryChildren: createGroupLoader(
      (ids) => services.categories.childrenOf(ids),
      (c) => String(c.parentId),
    ),
    revisions: createGroupLoader(
      (ids) =>
        models.revisions
          .find({ articleId: { $in: [...ids] } })
          .sort({ articleId: 1, version: 1 })
          .lean<RevisionDoc[]>()
          .exec(),
      (r) => String(r.articleId),
    ),
    viewCounts: new DataLoader<string, number>((ids) => services.views.viewCounts(ids), {
      maxBatchSize: 500,
    }),
  };
}

/** Serves the content subgraph and its feeds; connects nothing itself (main.ts and tests do). */
export function startServer(config: ContentServerConfig): Promise<RunningSubgraph> {
  const { services, logger } = config;
  return startSubgraphServer<ContentContext>({
    name: 'content',
    listen: config,
    typeDefs: loadSchemaFile(SCHEMA_PATH),
    resolvers,
    logger,
    context: (base) => ({
      ...base,
      services,
      loaders: createLoaders(services),
      publicUserId: (subject) => publicUserId(subject, config.internalTokenSecret),
    }),
    data: config,
    routes: (app) =>
      mountFeedRoutes(app, {
        queries: services.queries,
        categories: services.categories,
        publicBaseUrl: config.publicBaseUrl,
        webBaseUrl: config.webBaseUrl,
        logger: logger.child({ module: 'feeds' }),
      }),
  });
}
