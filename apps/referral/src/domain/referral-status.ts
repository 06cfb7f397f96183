export const REFERRAL_STATUSES = [
  'RECEIVED',
  'FORWARDED',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'RESOLVED',
  'REJECTED',
  'FAILED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_SOURCES = ['FORUM_THREAD', 'FORUM_POST', 'DIRECT'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Closed referrals never change again. */
export const CLOSED_STATUSES: readonly ReferralStatus[] = ['RESOLVED', 'REJECTED'];
export const OPEN_STATUSES: readonly ReferralStatus[] = REFERRAL_STATUSES.filter(
  (s) => !CLOSED_STATUSES.includes(s),
);

export function isClosed(status: ReferralStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/**
 * Who moves a referral:
 * - DISPATCHER: the worker that forwards it to the hotline;
 * - HOTLINE: the hotline's signed callbacks;
 * - STAFF: moderators, admins and officers of the target agency.
 */
export type TransitionActor = 'DISPATCHER' | 'HOTLINE' | 'STAFF';

/** Statuses a person may set with updateReferralStatus; the others belong to the dispatcher. */
export const STAFF_SETTABLE: readonly ReferralStatus[] = [
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'RESOLVED',
  'REJECTED',
];

const AFTER_FORWARDING: ReferralStatus[] = ['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'];

const TRANSITIONS: Record<TransitionActor, Partial<Record<ReferralStatus, ReferralStatus[]>>> = {
  DISPATCHER: {
    RECEIVED: ['FORWARDED', 'FAILED'],
  },
  // The hotline holds the ticket, so its word wins even when its callback overtakes our own
  // record of the forwarding (RECEIVED) or of a dispatch we gave up on too early (FAILED).
  HOTLINE: {
    RECEIVED: AFTER_FORWARDING,
    FAILED: AFTER_FORWARDING,
    FORWARDED: AFTER_FORWARDING,
    ACKNOWLEDGED: ['IN_PROGRESS', 'RESOLVED', 'REJECTED'],
    IN_PROGRESS: ['RESOLVED', 'REJECTED'],
  },
  STAFF: {
    // Withdrawing a referral the hotline never took.
    RECEIVED: ['REJECTED'],
    FAILED: ['REJECTED', 'RECEIVED'],
    FORWARDED: AFTER_FORWARDING,
    ACKNOWLEDGED: ['IN_PROGRESS', 'RESOLVED', 'REJECTED'],
    IN_PROGRESS: ['RESOLVED', 'REJECTED'],
  },
};

export type TransitionPlan =
  | { kind: 'apply' }
  /** Nothing to do: the referral already is where the caller wants it (a repeated callback). */
  | { kind: 'noop' }
  | { kind: 'refuse'; reason: string };

/**
 * Decides whether `actor` may move a referral from `from` to `to`. Staying in the same open
 * status is allowed when the change carries something new (a progress note or a new public
 * response), and is a no-op otherwise.
 */
export function planTransition(
  from: ReferralStatus,
  to: ReferralStatus,
  actor: TransitionActor,
  options: { carriesUpdate?: boolean } = {},
): TransitionPlan {
  if (from === to) {
    if (!options.carriesUpdate) return { kind: 'noop' };
    if (isClosed(from)) return { kind: 'refuse', reason: `the referral is already ${from}` };
    if (actor === 'DISPATCHER' || from === 'RECEIVED' || from === 'FAILED')
      return { kind: 'refuse', reason: `a ${from} referral takes no progress notes` };
    return { kind: 'apply' };
  }
  const allowed = TRANSITIONS[actor][from] ?? [];
  if (allowed.includes(to)) return { kind: 'apply' };
  if (isClosed(from)) return { kind: 'refuse', reason: `the referral is already ${from}` };
  return {
    kind: 'refuse',
    reason: allowed.length
      ? `cannot go from ${from} to ${to} (allowed: ${allowed.join(', ')})`
      : `cannot go from ${from} to ${to}`,
  };
}

/** Public notes of the history entries the service writes itself. */
export const REFERRAL_NOTES = {
  received: 'Đã tiếp nhận phản ánh.',
  referred: 'Đã tiếp nhận phản ánh từ diễn đàn.',
  forwarded: 'Đã chuyển đến Tổng đài 1022.',
  failed: 'Chưa chuyển được đến Tổng đài 1022; cán bộ sẽ xử lý.',
  retried: 'Đang chuyển lại đến Tổng đài 1022.',
} as const;
