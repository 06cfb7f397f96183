import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { findList, isObjectIdString } from '@portal/db';
import {
  createDocumentLoader,
  createGroupLoader,
  appSchemaPath,
  loadSchemaFile,
} from '@portal/graphql-kit';
import { createRateLimiters } from '@portal/http';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import type { SubgraphListen } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import { Outbox, type Producer } from '@portal/queue';
import type { BulletinContext } from './context';
import { createContentArticles, type ContentArticles } from './content/content-articles';
import { mountAudioRoutes } from './http/audio.route';
import { mountSubscriptionRoutes } from './http/subscription.route';
import { bulletinModels } from './models';
import { BulletinStatsService, bulletinCounters } from './stats/bulletin-stats.service';
import { resolvers } from './resolvers';
import { createIssueService } from './services/issue.service';
import { createSubscriptionService } from './services/subscription.service';

export interface BulletinServerConfig extends SubgraphListen {
  publicBaseUrl: string;
  webBaseUrl: string;
  /** Content's base URL (no path). */
  contentUrl: string;
  subscriptionTokenSecret: string;
  confirmTtlSeconds: number;
  audioDir: string;
  /** Redis key prefix (QUEUE_PREFIX), also for rate-limit keys. */
  prefix: string;
  /** Subscriptions per client and per e-mail address per hour (BULLETIN_SUBSCRIBES_PER_*). */
  subscribeLimits?: { perClientPerHour: number; perAddressPerHour: number };
  /** The schema file; by default beside the app (in the source tree and in a build). */
  schemaPath?: string;
}

export interface BulletinServerDeps {
  conn: Connection;
  /** A producer-role connection (fails fast), used for rate limits and readiness. */
  redis: Redis;
  publishProducer: Producer<'bulletin-publish'>;
  notificationsProducer: Producer<'notifications'>;
  logger: Logger;
  /** Overrides the content service client (tests point it at their own content subgraph). */
  content?: ContentArticles;
}

export interface RunningBulletin {
  server: RunningSubgraph;
  /** Relays jobs that could not reach Redis; main.ts runs it, tests call relay(). */
  outbox: Outbox;
  /** The portal-statistics parts and their hot counters. */
  stats: BulletinStatsService;
  close(): Promise<void>;
}

/** The bulletin subgraph with its HTTP routes, on a connection and producers the caller owns. */
export async function startServer(
  config: BulletinServerConfig,
  deps: BulletinServerDeps,
): Promise<RunningBulletin> {
  const models = await bulletinModels.prepare(deps.conn);
  const logger = deps.logger;
  const links = { publicBaseUrl: config.publicBaseUrl, webBaseUrl: config.webBaseUrl };
  const content =
    deps.content ??
    createContentArticles({
      contentUrl: config.contentUrl,
      internalTokenSecret: config.internalTokenSecret,
      logger,
    });
  const outbox = new Outbox(
    deps.conn,
    { 'bulletin-publish': deps.publishProducer, notifications: deps.notificationsProducer },
    logger,
  );
  const limits = config.subscribeLimits ?? { perClientPerHour: 10, perAddressPerHour: 3 };
  const issues = createIssueService({
    models,
    content,
    outbox,
    publishProducer: deps.publishProducer,
    logger,
  });
  const subscriptions = createSubscriptionService({
    models,
    outbox,
    links,
    tokenSecret: config.subscriptionTokenSecret,
    confirmTtlSeconds: config.confirmTtlSeconds,
    ...createRateLimiters(deps.redis, config.prefix, {
      clientLimiter: {
        name: 'bulletin-subscribe-client',
        points: limits.perClientPerHour,
        windowSeconds: 3600,
      },
      addressLimiter: {
        name: 'bulletin-subscribe-address',
        points: limits.perAddressPerHour,
        windowSeconds: 3600,
      },
    }),
    logger,
  });

  const stats = new BulletinStatsService(
    models,
    bulletinCounters({ conn: deps.conn, redis: deps.redis, keyPrefix: config.prefix, logger }),
  );

  const server = await startSubgraphServer<BulletinContext>({
    name: 'bulletin',
    listen: config,
    typeDefs: loadSchemaFile(config.schemaPath ?? appSchemaPath(import.meta.dirname)),
    resolvers,
    logger,
    data: deps,
    routes: (app) => {
      mountAudioRoutes(app, { audioDir: config.audioDir, logger });
      mountSubscriptionRoutes(app, { subscriptions, logger });
    },
    context: (base) => ({
      ...base,
      models,
      issues,
      subscriptions,
      links,
      stats,
      loaders: {
        issueById: createDocumentLoader(models.issues),
        itemsByIssue: createGroupLoader(
          (issueIds) =>
            findList(models.items, {
              filter: { issueId: { $in: issueIds.filter(isObjectIdString) }, droppedAt: null },
              sort: [['_id', 1]],
            }),
          (item) => item.issueId.toHexString(),
        ),
      },
    }),
  });
  return {
    server,
    outbox,
    stats,
    close: async () => {
      outbox.stop();
      await server.close();
    },
  };
}
