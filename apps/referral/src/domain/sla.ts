import { isClosed, type ReferralStatus } from './referral-status';

const HOUR_MS = 3_600_000;

/**
 * When a referral must be closed: the category's SLA in calendar hours after it was
 * received (the hotline's SLA runs around the clock, not in office hours).
 */
export function slaDueAt(receivedAt: Date, slaHours: number): Date {
  return new Date(receivedAt.getTime() + slaHours * HOUR_MS);
}

/** Overdue: the SLA has passed and the referral is not closed. */
export function isOverdue(
  referral: { status: ReferralStatus; slaDueAt: Date },
  now: Date,
): boolean {
  return !isClosed(referral.status) && referral.slaDueAt.getTime() <= now.getTime();
}
