import type { Page } from '@portal/db';
import type { ReferralStatus } from '../domain/referral-status';
import type { ReferralDoc } from '../models/referral.model';

/** What resolvers hand GraphQL for types that are not stored as they are shown. */

/** A history entry as shown; `by` is already null for viewers who may not see it. */
export interface HistoryEntryView {
  status: ReferralStatus;
  at: Date;
  note: string | null;
  by: string | null;
}

export type ReferralPage = Page<ReferralDoc>;

/** The forum's Thread entity, by key. */
export interface ThreadRef {
  __typename?: 'Thread';
  id: string;
}

export interface PostRef {
  __typename?: 'Post';
  id: string;
}
