import type { Redis } from 'ioredis';
import { createRateLimiters, type RateLimitRule, type RateLimiter } from '@portal/http';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import { LIMIT_NAMES, type ForumRules, type LimitName } from '../domain/forum-rules';
import type { ForumModels } from '../models';
import { FingerprintRepository } from '../models/fingerprint.repository';
import { VoteRepository } from '../models/vote.repository';
import type { ForumStatsService } from '../stats/forum-stats.service';
import { ContentWriting } from './content-writing';
import { FollowService } from './follow.service';
import { ModerationService } from './moderation.service';
import { OfficialAnswerService } from './official-answer.service';
import { PostService } from './post.service';
import type { PublicIds } from './profiles';
import { ThreadQueryService } from './thread-query.service';
import { ThreadService } from './thread.service';
import { VoteService } from './vote.service';

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

/** What lives for the whole subgraph process and every request shares. */
export interface ForumServices {
  models: ForumModels;
  threads: ThreadService;
  posts: PostService;
  votes: VoteService;
  follows: FollowService;
  moderation: ModerationService;
  answers: OfficialAnswerService;
  queries: ThreadQueryService;
  /** People's ids as the graph shows them (never the identity provider's subject). */
  publicIds: PublicIds;
  /** Thread views and the forum's parts of the portal statistics. */
  stats: ForumStatsService;
}

export interface ForumServicesConfig {
  models: ForumModels;
  rules: ForumRules;
  limiters: Limiters;
  outbox: Outbox;
  publicIds: PublicIds;
  stats: ForumStatsService;
  logger: Logger;
  now?: () => Date;
}

/** Wires the forum's services once per process, over its models, limits and outbox. */
export function createForumServices(config: ForumServicesConfig): ForumServices {
  const { models, rules, limiters, logger } = config;
  // What every one of the services works with.
  const shared = { models, logger, now: config.now ?? (() => new Date()) };
  const follows = new FollowService(shared);
  const writing = new ContentWriting({
    models,
    rules,
    limiters,
    fingerprints: new FingerprintRepository(models),
  });
  return {
    models,
    threads: new ThreadService({ ...shared, writing, follows }),
    posts: new PostService({ ...shared, writing, follows }),
    votes: new VoteService({ ...shared, votes: new VoteRepository(models), limit: limiters.votes }),
    follows,
    moderation: new ModerationService({ ...shared, rules, flagLimit: limiters.flags }),
    answers: new OfficialAnswerService({
      ...shared,
      outbox: config.outbox,
      answerLimit: limiters.answers,
    }),
    queries: new ThreadQueryService({ models, publicIds: config.publicIds }),
    publicIds: config.publicIds,
    stats: config.stats,
  };
}
