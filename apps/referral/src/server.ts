import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { seedOnce } from '@portal/db';
import { appSchemaPath, loadSchemaFile } from '@portal/graphql-kit';
import { createRateLimiters } from '@portal/http';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import type { SubgraphListen } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import type { ForumClient } from './clients/forum-client';
import { createLoaders, type ReferralContext, type ReferralServices } from './context';
import { mountHotlineCallback } from './http/hotline-callback.route';
import { resolvers } from './resolvers';
import { createReferralCore, type ReferralCore } from './services';
import { ReferralStatsCounter } from './stats/referral-stats-counter';
import { ReferralStatsService } from './stats/referral-stats.service';
import { referralModels } from './models';

export const SCHEMA_PATH = appSchemaPath(import.meta.dirname);

export interface ReferralServerConfig extends SubgraphListen {
  webBaseUrl: string;
  /** Key prefix for rate-limit counters (the queue prefix). */
  redisPrefix: string;
  hotlineCallbackSecret: string;
  callbackToleranceSeconds: number;
  feedbackPerHour: number;
  trackingLookupsPerMinute: number;
}

export interface ReferralServerDeps {
  conn: Connection;
  /** For rate limits and /readyz. */
  redis: Redis;
  outbox: Outbox;
  forum: ForumClient | null;
  logger: Logger;
  now?: () => Date;
}

export interface RunningReferralServer extends RunningSubgraph {
  core: ReferralCore;
  stats: ReferralStatsService;
  statsCounter: ReferralStatsCounter;
}

/** The referral subgraph and the hotline callback route, on connections the caller owns. */
export async function startServer(
  config: ReferralServerConfig,
  deps: ReferralServerDeps,
): Promise<RunningReferralServer> {
  const now = deps.now ?? (() => new Date());
  const counter = new ReferralStatsCounter(
    deps.redis,
    config.redisPrefix,
    referralModels(deps.conn),
  );
  const core = createReferralCore({
    conn: deps.conn,
    outbox: deps.outbox,
    stats: counter,
    forum: deps.forum,
    webBaseUrl: config.webBaseUrl,
    logger: deps.logger,
    now,
  });
  // Referrals recorded before the statistics were counted as they are written (once per
  // database; idempotent, so replicas starting together or a run cut short count nothing twice).
  await seedOnce(deps.conn, 'referral-stats-backfill', async () => {
    await counter.backfill(core.models, deps.logger);
  });
  const services: ReferralServices = {
    repo: core.repo,
    intake: core.intake,
    referrals: core.referrals,
    categories: core.categories,
    contacts: core.contacts,
    stats: new ReferralStatsService(core.models, counter, now),
    limits: createRateLimiters(deps.redis, config.redisPrefix, {
      tracking: {
        name: 'referral-tracking',
        points: config.trackingLookupsPerMinute,
        windowSeconds: 60,
      },
      feedback: {
        name: 'referral-feedback',
        points: config.feedbackPerHour,
        windowSeconds: 3600,
        // Feedback is stored through the outbox while Redis is down; the limit must not refuse it.
        whenRedisDown: 'local',
      },
    }),
    now,
  };
  const server = await startSubgraphServer<ReferralContext>({
    name: 'referral',
    listen: config,
    typeDefs: loadSchemaFile(SCHEMA_PATH),
    resolvers,
    logger: deps.logger,
    data: deps,
    context: (base) => ({ ...base, ...services, loaders: createLoaders(core.repo, deps.forum) }),
    // The hotline signs its callbacks (HMAC with a timestamp); the route verifies them itself.
    selfAuthenticatedRoutes: (app) =>
      mountHotlineCallback(app, {
        models: core.models,
        referrals: core.referrals,
        secret: config.hotlineCallbackSecret,
        toleranceSeconds: config.callbackToleranceSeconds,
        logger: deps.logger,
        now,
      }),
  });
  return Object.assign(server, { core, stats: services.stats, statsCounter: counter });
}
