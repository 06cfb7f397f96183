import type DataLoader from 'dataloader';
import { createByIdLoader, createGroupLoader, type BaseContext } from '@portal/graphql-kit';
import type { createRateLimiter } from '@portal/http';
import type { ReferralEventDoc } from './models/referral-event.model';
import type { ReferralDoc } from './models/referral.model';
import type { ReferralRepository } from './models/referral.repository';
import type { AgencyContactService } from './services/agency-contact-service';
import type { CategoryService } from './services/category-service';
import type { ReferralService } from './services/referral-service';

type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Long-lived parts shared by every request. */
export interface ReferralServices {
  repo: ReferralRepository;
  referrals: ReferralService;
  categories: CategoryService;
  contacts: AgencyContactService;
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
}

export interface ReferralContext extends BaseContext, ReferralServices {
  loaders: ReferralLoaders;
}

/** Per-request loaders: N lookups of one kind cost one `$in` query. */
export function createLoaders(repo: ReferralRepository): ReferralLoaders {
  return {
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
