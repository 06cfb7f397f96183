import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { appSchemaPath, loadSchemaFile } from '@portal/graphql-kit';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import type { SubgraphListen } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import { Outbox, Producer } from '@portal/queue';
import { publicUserId } from '@portal/auth';
import type { ForumContext } from './context';
import { createLoaders } from './loaders';
import { forumModels } from './models';
import { resolvers } from './resolvers';
import { ForumStatsService, forumViewCounter } from './stats/forum-stats.service';
import type { ForumRules } from './domain/forum-rules';
import { createForumServices, createLimiters, type ForumServices } from './services';

export interface ForumServerConfig extends SubgraphListen {
  logger: Logger;
  connection: Connection;
  redis: Redis;
  /** BullMQ and rate-limit key prefix. */
  queuePrefix: string;
  rules: ForumRules;
  /** How often the outbox hands pending jobs to Redis (0: only when written). */
  outboxRelayMs?: number;
  /** The clock every service reads (tests set their own). */
  now?: () => Date;
}

export interface RunningForum extends RunningSubgraph {
  services: ForumServices;
  outbox: Outbox;
}

export const SCHEMA_PATH = appSchemaPath(import.meta.dirname);

/** Serves the forum subgraph on connections the caller opened (and closes). */
export async function startServer(config: ForumServerConfig): Promise<RunningForum> {
  const models = forumModels(config.connection);
  const logger = config.logger;
  const events = new Producer('forum-events', config.redis, config.queuePrefix);
  const outbox = new Outbox(config.connection, { 'forum-events': events }, logger);
  const services = createForumServices({
    models,
    rules: config.rules,
    limiters: createLimiters(config.redis, config.rules, config.queuePrefix),
    outbox,
    logger,
    publicIds: { of: (subject) => publicUserId(subject, config.internalTokenSecret) },
    stats: new ForumStatsService(
      models,
      forumViewCounter({
        conn: config.connection,
        redis: config.redis,
        keyPrefix: config.queuePrefix,
        logger,
      }),
      config.now,
    ),
    now: config.now,
  });
  for (const model of Object.values(models)) await model.init();
  if (config.outboxRelayMs) outbox.start(config.outboxRelayMs);

  const server = await startSubgraphServer<ForumContext>({
    name: 'forum',
    listen: config,
    typeDefs: loadSchemaFile(SCHEMA_PATH),
    resolvers,
    logger,
    data: { conn: config.connection, redis: config.redis },
    context: (base) => ({
      ...base,
      services,
      loaders: createLoaders(models, base.viewer, services.publicIds),
    }),
  });
  return {
    ...server,
    services,
    outbox,
    close: async () => {
      outbox.stop();
      await server.close();
      await events.close();
    },
  };
}
