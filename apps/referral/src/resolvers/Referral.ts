import { unitByCode } from '@portal/reference-data';
import { canManageReferral, canViewPrivate, isModerator } from '../domain/referral-access';
import { isOverdue } from '../domain/sla';
import type { ReferralDoc } from '../models/referral.model';
import type { ReferralContext } from '../context';
import type { ReferralResolvers } from '../__generated__/resolvers-types';
import type { HistoryEntryView } from './views';
import { loadEntity } from '@portal/graphql-kit';

type Visibility = (viewer: ReferralContext['viewer'], referral: ReferralDoc) => boolean;

/** A field resolver that yields null to viewers `visible` refuses. */
function restricted<T>(visible: Visibility, pick: (r: ReferralDoc) => T | null) {
  return (r: ReferralDoc, _args: unknown, ctx: ReferralContext): T | null =>
    visible(ctx.viewer, r) ? pick(r) : null;
}

export const Referral: ReferralResolvers = {
  // No other subgraph returns referrals, so a reference only ever comes from someone probing
  // ids (they are sequential ObjectIds): the tracking code and history go only to staff who
  // handle the referral and to the person who submitted it. Everyone else presents the code.
  // Federation passes the key, not a stored document (the generated type assumes the mapper).
  __resolveReference: (ref, ctx) =>
    loadEntity(ref, ctx.loaders.referralById, (referral) => canViewPrivate(ctx.viewer, referral)),

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

  // A removed or hidden thread's (post's) id is not public: moderators see every thread, anyone else
  // gets the reference only when the forum says the public may see it (null, cleanly, if not).
  async thread(r, _args, ctx) {
    if (!r.threadId) return null;
    if (!isModerator(ctx.viewer) && !(await ctx.loaders.threadIsPublic.load(r.threadId)))
      return null;
    return { __typename: 'Thread', id: r.threadId };
  },
  async post(r, _args, ctx) {
    if (!r.postId) return null;
    if (!isModerator(ctx.viewer) && !(await ctx.loaders.postIsPublic.load(r.postId))) return null;
    return { __typename: 'Post', id: r.postId };
  },

  subject: restricted(canViewPrivate, (r) => r.subject),
  summary: restricted(canViewPrivate, (r) => r.summary),
  contactEmail: restricted(canViewPrivate, (r) => r.contact?.email ?? null),
  referralNote: restricted(canManageReferral, (r) => r.referralNote),
  hotlineTicketId: restricted(canManageReferral, (r) => r.hotlineTicketId),
  dispatchError: restricted(canManageReferral, (r) => r.dispatchError),
};
