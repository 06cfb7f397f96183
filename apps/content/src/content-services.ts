import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import type { ContentServices } from './context';
import type { Runtime } from '@portal/service-runtime';
import { syncIndexes } from '@portal/db';
import type { ContentEnv } from './env';
import { createContentQueues, type ContentQueues } from './jobs/content-queues';
import { contentModels } from './models';
import { ArticleQueryService } from './services/article-query.service';
import { ArticleRevisionRepository } from './models/article-revision.repository';
import { ArticlePublicationService } from './services/article-publication.service';
import { ArticleService } from './services/article.service';
import { CategoryService } from './services/category.service';
import { ContentStatsService } from './services/content-stats.service';
import { ContributionStatsService } from './services/contribution-stats.service';
import { PortalStatsService } from './services/portal-stats.service';
import { ViewCounter } from './services/view-counter.service';
import { MonthlyReportService } from './reports/monthly-report.service';
import type { LocalParts } from './reports/portal-stats-source';

export interface ContentServicesConfig {
  conn: Connection;
  /** A client connection (fails fast): view counting and producers. */
  redis: Redis;
  queues: ContentQueues;
  /** WEB_BASE_URL: links to the portal's pages (webhooks, the monthly report's mail). */
  webBaseUrl: string;
  /** QUEUE_PREFIX: also prefixes the service's own Redis keys. */
  keyPrefix: string;
  viewDedupeSeconds: number;
  logger: Logger;
  now?: () => Date;
}

/** Wires models and services once per process; the server and the worker share this. */
export function createContentServices(config: ContentServicesConfig): ContentServices {
  const models = contentModels(config.conn);
  const views = new ViewCounter({
    redis: config.redis,
    models: models.views,
    keyPrefix: config.keyPrefix,
    dedupeSeconds: config.viewDedupeSeconds,
    logger: config.logger.child({ module: 'views' }),
    now: config.now,
  });
  const queries = new ArticleQueryService(models);
  const now = config.now ?? (() => new Date());
  const revisions = new ArticleRevisionRepository(
    models,
    now,
    config.logger.child({ module: 'article-revisions' }),
  );
  const publication = new ArticlePublicationService({
    models,
    revisions,
    outbox: config.queues.outbox,
    publishQueue: config.queues.publish,
    webBaseUrl: config.webBaseUrl,
    logger: config.logger,
    now,
  });
  return {
    models,
    articles: new ArticleService({ models, revisions, publication, logger: config.logger, now }),
    publication,
    queries,
    categories: new CategoryService(models.categories),
    views,
    stats: new ContentStatsService(models.views, views, config.logger.child({ module: 'stats' })),
    portalStats: new PortalStatsService(models.views, views),
    contributions: new ContributionStatsService(models),
    monthlyReports: new MonthlyReportService({
      models: models.monthly,
      notifications: config.queues.notifications,
      webBaseUrl: config.webBaseUrl,
      logger: config.logger,
      now,
    }),
  };
}

/**
 * Content's own parts of the portal statistics, for the monthly report: read in process by
 * the worker (as the content service itself, so without a viewer).
 */
export function contentReportParts(services: ContentServices): LocalParts {
  return {
    async parts(period) {
      const [articles, articlesByKind, contributions] = await Promise.all([
        services.portalStats.readArticles(period),
        services.portalStats.readArticlesByKind(period),
        services.contributions.readContributions(period),
      ]);
      return { articles, articlesByKind, contributions };
    },
  };
}

/**
 * The content queues on `prefix` and the services over them, whose own Redis keys share the
 * prefix: what the subgraph, the worker and the tests wire.
 */
export function createContent(
  config: Omit<ContentServicesConfig, 'queues' | 'keyPrefix'> & { prefix: string },
): { queues: ContentQueues; services: ContentServices } {
  const { prefix, ...rest } = config;
  const queues = createContentQueues(config.conn, config.redis, prefix, config.logger);
  return { queues, services: createContentServices({ ...rest, queues, keyPrefix: prefix }) };
}

/** The queues and services over open connections, set up from the environment. */
export function contentFromEnv(
  env: ContentEnv,
  conn: Connection,
  redis: Redis,
  logger: Logger,
): { queues: ContentQueues; services: ContentServices } {
  return createContent({
    conn,
    redis,
    prefix: env.QUEUE_PREFIX,
    webBaseUrl: env.WEB_BASE_URL,
    viewDedupeSeconds: env.CONTENT_VIEW_DEDUPE_SECONDS,
    logger,
  });
}

/** What the content subgraph and worker both open at start: queues, services and indexes. */
export async function openContent(rt: Runtime<ContentEnv>) {
  const { env, conn, redis, logger } = rt;
  const { queues, services } = contentFromEnv(env, conn, redis, logger);
  rt.onClose(() => queues.close());
  await syncIndexes(conn);
  return { queues, services };
}
