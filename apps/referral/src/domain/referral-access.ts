import { hasRole, requireRole, type Viewer } from '@portal/auth';
import { forbidden } from '@portal/errors';

/** What access rules need to know about a referral. */
export interface ReferralScope {
  targetAgency: string;
  submittedBy: string | null;
}

/** Moderators (and admins) see every forum thread, removed ones included. */
export function isModerator(viewer: Viewer): boolean {
  return viewer.id !== null && hasRole(viewer, 'moderator');
}

/** Moderators and admins handle every referral; officers only their own agency's. */
export function canManageReferral(viewer: Viewer, referral: ReferralScope): boolean {
  if (hasRole(viewer, 'moderator')) return true;
  return (
    hasRole(viewer, 'officer') &&
    viewer.department !== null &&
    viewer.department === referral.targetAgency
  );
}

/** Staff who handle it, and the person who submitted it, see the private fields. */
export function canViewPrivate(viewer: Viewer, referral: ReferralScope): boolean {
  if (canManageReferral(viewer, referral)) return true;
  return viewer.id !== null && referral.submittedBy !== null && viewer.id === referral.submittedBy;
}

/** UNAUTHENTICATED for nobody, FORBIDDEN for anyone who may not manage this referral. */
export function requireManageReferral(viewer: Viewer, referral: ReferralScope): void {
  requireRole(viewer, 'moderator', 'officer');
  if (!canManageReferral(viewer, referral))
    throw forbidden('Officers may only handle referrals of their own agency');
}

/**
 * The agency a referral list is limited to: none for moderators and admins (or the one
 * they ask for), always the officer's own for officers.
 */
export function listingAgency(viewer: Viewer, requested: string | null | undefined): string | null {
  requireRole(viewer, 'moderator', 'officer');
  if (hasRole(viewer, 'moderator')) return requested ?? null;
  if (!viewer.department) throw forbidden('Officer without a department');
  if (requested && requested !== viewer.department)
    throw forbidden('Officers may only list referrals of their own agency');
  return viewer.department;
}
