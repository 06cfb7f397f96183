import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { appSchemaPath, loadSchemaFile } from '@portal/graphql-kit';
import { createRateLimiters } from '@portal/http';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import type { SubgraphListen } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import type { Outbox, Producer } from '@portal/queue';
import { createLoaders, type EngagementContext } from './context';
import { mountSurveyExport } from './http/survey-export.route';
import { resolvers } from './resolvers';
import { createEngagementCore, type EngagementCore } from './services';

export const SCHEMA_PATH = appSchemaPath(import.meta.dirname);

export interface EngagementServerConfig extends SubgraphListen {
  webBaseUrl: string;
  /** Key prefix for rate-limit counters (the queue prefix). */
  redisPrefix: string;
  answersPerHour: number;
  questionsPer10Min: number;
  /** Contest votes per person per minute (the forum's vote limit). */
  votesPerMinute: number;
  /** Days before a person new to this service may vote in contests. */
  newAccountDays: number;
}

export interface EngagementServerDeps {
  conn: Connection;
  /** For rate limits and /readyz. */
  redis: Redis;
  outbox: Outbox;
  /** For withdrawing reminders. */
  events: Pick<Producer<'engagement-events'>, 'remove'>;
  logger: Logger;
  now?: () => Date;
}

export interface RunningEngagementServer extends RunningSubgraph {
  core: EngagementCore;
}

/** The engagement subgraph and its CSV export route, on connections the caller owns. */
export async function startServer(
  config: EngagementServerConfig,
  deps: EngagementServerDeps,
): Promise<RunningEngagementServer> {
  const core = createEngagementCore({
    conn: deps.conn,
    outbox: deps.outbox,
    events: deps.events,
    webBaseUrl: config.webBaseUrl,
    secret: config.internalTokenSecret,
    limits: createRateLimiters(deps.redis, config.redisPrefix, {
      answers: { name: 'engagement-answers', points: config.answersPerHour, windowSeconds: 3600 },
      questions: {
        name: 'engagement-questions',
        points: config.questionsPer10Min,
        windowSeconds: 600,
      },
      votes: { name: 'engagement-votes', points: config.votesPerMinute, windowSeconds: 60 },
    }),
    newAccountDays: config.newAccountDays,
    logger: deps.logger,
    now: deps.now,
  });
  const services = {
    models: core.models,
    surveys: core.surveys,
    events: core.events,
    contests: core.contests,
  };
  const server = await startSubgraphServer<EngagementContext>({
    name: 'engagement',
    listen: config,
    typeDefs: loadSchemaFile(SCHEMA_PATH),
    resolvers,
    logger: deps.logger,
    data: deps,
    context: (base) => ({ ...base, ...services, loaders: createLoaders(services, base.viewer) }),
    // Behind the same internal-token check as /graphql.
    routes: (app) => mountSurveyExport(app, { surveys: core.surveys, logger: deps.logger }),
  });
  return Object.assign(server, { core });
}
