import DataLoader from 'dataloader';
import { createByIdLoader, createGroupLoader, type BaseContext } from '@portal/graphql-kit';
import type { RateLimiter } from '@portal/http';
import type { ForumClient } from './clients/forum-client';
import type { ReferralEventDoc } from './models/referral-event.model';
import type { ReferralDoc } from './models/referral.model';
import type { ReferralRepository } from './models/referral.repository';
import type { AgencyContactService } from './services/agency-contact.service';
import type { CategoryService } from './services/category.service';
import type { ReferralIntakeService } from './services/referral-intake.service';
import type { ReferralLifecycleService } from './services/referral-lifecycle.service';
import type { ReferralStatsService } from './stats/referral-stats.service';

/** Long-lived parts shared by every request. */
export interface ReferralServices {
  repo: ReferralRepository;
  intake: ReferralIntakeService;
  referrals: ReferralLifecycleService;
  categories: CategoryService;
  contacts: AgencyContactService;
  /** The referral part of the portal statistics. */
  stats: ReferralStatsService;
  limits: {
    /** Tracking-code lookups per client: codes are unguessable, and this keeps them so. */
    tracking: RateLimiter;
    /** Feedback per person or client, against spam. */
    feedback: RateLimiter;
  };
  now: () => Date;
}

export interface ReferralLoaders {
  referralById: DataLoader<string, ReferralDoc | null>;
  referralByThreadId: DataLoader<string, ReferralDoc | null>;
  statusEventsByReferralId: DataLoader<string, ReferralEventDoc[]>;
  /** Whether the public may see a forum thread (a post); false when the forum cannot say. */
  threadIsPublic: DataLoader<string, boolean>;
  postIsPublic: DataLoader<string, boolean>;
}

export interface ReferralContext extends BaseContext, ReferralServices {
  loaders: ReferralLoaders;
}

/**
 * Per-request loaders: N lookups of one kind cost one `$in` query (and N thread checks one
 * `_entities` call to the forum).
 */
export function createLoaders(
  repo: ReferralRepository,
  forum: ForumClient | null,
): ReferralLoaders {
  return {
    threadIsPublic: publicForumLoader(forum, 'Thread'),
    postIsPublic: publicForumLoader(forum, 'Post'),
    referralById: createByIdLoader(
      (ids) => repo.findByIds(ids),
      (r) => r._id.toHexString(),
    ),
    referralByThreadId: createByIdLoader(
      (ids) => repo.findByThreadIds(ids),
      (r) => r.threadId!,
    ),
    statusEventsByReferralId: createGroupLoader(
      (ids) => repo.findStatusEvents(ids),
      (e) => e.referralId,
    ),
  };
}

function publicForumLoader(
  forum: ForumClient | null,
  type: 'Thread' | 'Post',
): DataLoader<string, boolean> {
  return new DataLoader<string, boolean>(
    async (ids) => {
      const visible = forum ? await forum.publicIds(type, ids) : null;
      return ids.map((id) => visible?.has(id) ?? false);
    },
    { maxBatchSize: 100 },
  );
}
