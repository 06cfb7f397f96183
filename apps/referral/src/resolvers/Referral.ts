import { unitByCode } from '@portal/reference-data';
import { canManageReferral, canViewPrivate } from '../domain/referral-access';
import { isOverdue } from '../domain/sla';
import type { ReferralDoc } from '../models/referral.model';
import type { ReferralContext } from '../context';
import type { ReferralResolvers } from '../__generated__/resolvers-types';
import type { HistoryEntryView } from './views';

type Visibility = (viewer: ReferralContext['viewer'], referral: ReferralDoc) => boolean;

/** A field resolver that yields null to viewers `visible` refuses. */
function restricted<T>(visible: Visibility, pick: (r: ReferralDoc) => T | null) {
  return (r: ReferralDoc, _args: unknown, ctx: ReferralContext): T | null =>
    visible(ctx.viewer, r) ? pick(r) : null;
}

export const Referral: ReferralResolvers = {
  // Public fields are safe for anyone, private ones guard themselves: no extra check here.
  // Federation passes the key, not a stored document (the generated type assumes the mapper).
  __resolveReference: (ref, ctx) =>
    ctx.loaders.referralById.load((ref as unknown as { id: string }).id),

  id: (r) => r._id.toHexString(),
  targetAgencyName: (r) => unitByCode(r.targetAgency)?.name ?? null,
  overdue: (r, _args, ctx) => isOverdue(r, ctx.now()),

  async history(r, _args, ctx) {
    const events = await ctx.loaders.statusEventsByReferralId.load(r._id.toHexString());
    const showBy = canManageReferral(ctx.viewer, r);
    const entries: HistoryEntryView[] = [
      { status: 'RECEIVED', at: r.createdAt, note: r.receivedNote, by: r.createdBy.name },
      // An event claimed but not yet applied is not history yet.
      ...events
        .filter((e) => e.seq <= r.version)
        .map((e) => ({ status: e.status, at: e.at, note: e.note, by: e.by.name })),
    ];
    return entries.map((e) => ({ ...e, by: showBy ? e.by : null }));
  },

  thread: (r) => (r.threadId ? { __typename: 'Thread', id: r.threadId } : null),
  post: (r) => (r.postId ? { __typename: 'Post', id: r.postId } : null),

  subject: restricted(canViewPrivate, (r) => r.subject),
  summary: restricted(canViewPrivate, (r) => r.summary),
  contactEmail: restricted(canViewPrivate, (r) => r.contact?.email ?? null),
  referralNote: restricted(canManageReferral, (r) => r.referralNote),
  hotlineTicketId: restricted(canManageReferral, (r) => r.hotlineTicketId),
  dispatchError: restricted(canManageReferral, (r) => r.dispatchError),
};
