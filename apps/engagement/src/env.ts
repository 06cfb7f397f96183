import { loadEnv, positiveInt, serviceEnv, z } from '@portal/config';
import { subgraphListen, workersQueue } from '@portal/service-runtime';
import type { EngagementWorkersConfig } from './jobs/start-workers';
import type { EngagementServerConfig } from './server';

/** The engagement service's configuration (main.ts, worker.ts and seed.ts read it). */
export const env = loadEnv('engagement', () => ({
  ...serviceEnv('engagement'),
  /** Survey responses per person or client address per hour (anonymous answers count by address). */
  SURVEY_ANSWERS_PER_HOUR: positiveInt().default(20),
  /** Event questions per person per 10 minutes. */
  EVENT_QUESTIONS_PER_10_MIN: positiveInt().default(10),
  /** Contest votes per person per minute (as the forum limits votes). */
  CONTEST_VOTES_PER_MINUTE: positiveInt().default(60),
  /** People this service first saw less than this many days ago may not vote in contests. */
  CONTEST_NEW_ACCOUNT_DAYS: z.coerce.number().int().min(0).default(7),
}));

export type EngagementEnv = typeof env;

/** The subgraph's settings from the checked environment. */
export function serverConfig(e: EngagementEnv): EngagementServerConfig {
  return {
    ...subgraphListen(e),
    webBaseUrl: e.WEB_BASE_URL,
    redisPrefix: e.QUEUE_PREFIX,
    answersPerHour: e.SURVEY_ANSWERS_PER_HOUR,
    questionsPer10Min: e.EVENT_QUESTIONS_PER_10_MIN,
    votesPerMinute: e.CONTEST_VOTES_PER_MINUTE,
    newAccountDays: e.CONTEST_NEW_ACCOUNT_DAYS,
  };
}

/** The worker's settings from the checked environment. */
export function workersConfig(e: EngagementEnv): EngagementWorkersConfig {
  return {
    ...workersQueue(e),
    webBaseUrl: e.WEB_BASE_URL,
    internalTokenSecret: e.INTERNAL_TOKEN_SECRET,
  };
}
