import { loadEnv, positiveInt, serviceEnv } from '@portal/config';

/** The engagement service's configuration (main.ts, worker.ts and seed.ts read it). */
export const env = loadEnv('engagement', () => ({
  ...serviceEnv('engagement'),
  /** Survey responses per person or client address per hour (anonymous answers count by address). */
  SURVEY_ANSWERS_PER_HOUR: positiveInt().default(20),
  /** Event questions per person per 10 minutes. */
  EVENT_QUESTIONS_PER_10_MIN: positiveInt().default(10),
}));

export type EngagementEnv = typeof env;
