import type { Redis } from 'ioredis';
import { createRateLimiters, type RateLimitRule, type RateLimiter } from '@portal/http';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import type { ForumModels } from '../models';
import type { ForumStatsService } from '../stats/forum-stats.service';
import type { PublicIds } from './public-ids';

export interface RateRule {
  points: number;
  windowSeconds: number;
}

/** The forum's configurable rules (from env.ts in production, set directly in tests). */
export interface ForumRules {
  editWindowMinutes: number;
  autoHideFlags: number;
  newAccountDays: number;
  newAccountMaxLinks: number;
  duplicateWindowHours: number;
  limits: Record<LimitName, RateRule>;
}

const LIMIT_NAMES = ['threads', 'replies', 'votes', 'flags', 'edits', 'answers'] as const;

export type LimitName = (typeof LIMIT_NAMES)[number];

export type Limiters = Record<LimitName, RateLimiter>;

/** Per-person limits in Redis, one limiter per kind of action (rule `forum-<action>`). */
export function createLimiters(redis: Redis, rules: ForumRules, prefix: string): Limiters {
  const named = LIMIT_NAMES.map((name) => [name, { name: `forum-${name}`, ...rules.limits[name] }]);
  return createRateLimiters(
    redis,
    prefix,
    Object.fromEntries(named) as Record<LimitName, RateLimitRule>,
  );
}

/** What the forum's use cases work with. */
export interface ForumDeps {
  models: ForumModels;
  rules: ForumRules;
  limiters: Limiters;
  outbox: Outbox;
  logger: Logger;
  /** People's ids as the graph shows them (never the identity provider's subject). */
  publicIds: PublicIds;
  /** Thread views and the forum's parts of the portal statistics. */
  stats: ForumStatsService;
}

/** Default rules, as documented in apps/forum/README.md. */
export const DEFAULT_RULES: ForumRules = {
  editWindowMinutes: 30,
  autoHideFlags: 3,
  newAccountDays: 7,
  newAccountMaxLinks: 2,
  duplicateWindowHours: 24,
  limits: {
    threads: { points: 5, windowSeconds: 900 },
    replies: { points: 6, windowSeconds: 60 },
    votes: { points: 60, windowSeconds: 60 },
    flags: { points: 20, windowSeconds: 3600 },
    edits: { points: 20, windowSeconds: 600 },
    answers: { points: 30, windowSeconds: 600 },
  },
};
