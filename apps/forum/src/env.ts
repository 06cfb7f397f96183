import {
  DEFAULT_PORTS,
  DEFAULT_WORKER_OPS_PORTS,
  baseEnv,
  hostEnv,
  httpEnv,
  internalTokenEnv,
  loadEnv,
  mongoEnv,
  opsPortEnv,
  positiveInt,
  publicUrlEnv,
  redisEnv,
  workerEnv,
  z,
} from '@portal/config';
import { workersQueue } from '@portal/service-runtime';
import type { ForumWorkersConfig } from './jobs/start-workers';

/** `points/seconds`, e.g. `6/60` = six actions a minute. */
const rateRule = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'must be points/seconds, e.g. 6/60')
    .default(fallback)
    .transform((v) => {
      const [points, windowSeconds] = v.split('/').map(Number) as [number, number];
      return { points, windowSeconds };
    })
    .refine((r) => r.points > 0 && r.windowSeconds > 0, 'points and seconds must be positive');

/** The forum's own rules, shared by the subgraph and the worker. */
const forumRules = () => ({
  FORUM_EDIT_WINDOW_MINUTES: positiveInt().default(30),
  FORUM_AUTO_HIDE_FLAGS: positiveInt().default(3),
  FORUM_NEW_ACCOUNT_DAYS: z.coerce.number().int().min(0).default(7),
  FORUM_NEW_ACCOUNT_MAX_LINKS: z.coerce.number().int().min(0).default(2),
  FORUM_DUPLICATE_WINDOW_HOURS: positiveInt().default(24),
  FORUM_LIMIT_THREADS: rateRule('5/900'),
  FORUM_LIMIT_REPLIES: rateRule('6/60'),
  FORUM_LIMIT_VOTES: rateRule('60/60'),
  FORUM_LIMIT_FLAGS: rateRule('20/3600'),
  FORUM_LIMIT_EDITS: rateRule('20/600'),
  FORUM_LIMIT_ANSWERS: rateRule('30/600'),
});

/** The subgraph process (main.ts). */
export const loadServerEnv = () =>
  loadEnv('forum', () => ({
    ...baseEnv(),
    ...httpEnv(DEFAULT_PORTS.forum),
    ...mongoEnv('portal_forum'),
    ...redisEnv(),
    ...internalTokenEnv(),
    ...forumRules(),
  }));

/** The worker process (worker.ts): forum-events and maintenance. */
export const loadWorkerEnv = () =>
  loadEnv('forum-worker', () => ({
    ...baseEnv(),
    ...hostEnv(),
    ...opsPortEnv(DEFAULT_WORKER_OPS_PORTS.forum),
    ...mongoEnv('portal_forum'),
    ...redisEnv(),
    ...workerEnv(4),
    ...publicUrlEnv(),
    FORUM_NOTIFY_BATCH_SIZE: positiveInt().max(1000).default(100),
  }));

export type ForumWorkerEnv = ReturnType<typeof loadWorkerEnv>;

/** The worker's settings from a checked environment. */
export function workersConfig(e: ForumWorkerEnv): ForumWorkersConfig {
  return {
    ...workersQueue(e),
    webBaseUrl: e.WEB_BASE_URL,
    notifyBatchSize: e.FORUM_NOTIFY_BATCH_SIZE,
  };
}

/** The seed script (seed.ts). */
export const loadSeedEnv = () =>
  loadEnv('forum-seed', () => ({
    ...baseEnv(),
    ...mongoEnv('portal_forum'),
    // Its writes reach the graph as any writer's do (cached lists, the assistant's index).
    ...redisEnv(),
  }));
