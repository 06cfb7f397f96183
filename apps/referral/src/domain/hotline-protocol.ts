import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { stripAllTags } from '@portal/html';
import { threadUrl } from './links';
import type { ReferralSource } from './referral-status';

/**
 * The hotline intake API (1022), as this service speaks it:
 *
 *   POST {HOTLINE_URL}/api/v1/referrals
 *   authorization: Bearer {HOTLINE_API_KEY}
 *   idempotency-key: portal-referral-<referral id>
 *   → 201 { ticketId } (200 with the same ticket when the key was seen before)
 *
 * and its callbacks, POST /hotline/callback on this service (see callback-signature.ts).
 */
export const INTAKE_PATH = '/api/v1/referrals';

/** Stable for the referral's whole life, so no retry or re-dispatch creates a second ticket. */
export function idempotencyKeyFor(referralId: string): string {
  return `portal-referral-${referralId}`;
}

export interface IntakeReferral {
  id: string;
  trackingCode: string;
  source: ReferralSource;
  threadId: string | null;
  postId: string | null;
  categoryCode: string;
  categoryName: string;
  targetAgency: string;
  subject: string;
  summary: string;
  referralNote: string | null;
  slaDueAt: Date;
  createdAt: Date;
  contact: { email: string | null; name: string | null } | null;
}

export interface IntakeRequest {
  externalId: string;
  trackingCode: string;
  source: ReferralSource;
  category: { code: string; name: string };
  targetAgency: string;
  subject: string;
  description: string;
  note: string | null;
  /** Where the hotline operator can read the original forum thread. */
  sourceUrl: string | null;
  receivedAt: string;
  slaDueAt: string;
  /** The hotline answers the citizen itself, so it gets their contact (and nobody else). */
  contact: { email: string | null; name: string | null } | null;
}

export function intakeRequestFor(referral: IntakeReferral, webBaseUrl: string): IntakeRequest {
  return {
    externalId: referral.id,
    trackingCode: referral.trackingCode,
    source: referral.source,
    category: { code: referral.categoryCode, name: referral.categoryName },
    targetAgency: referral.targetAgency,
    subject: referral.subject,
    description: referral.summary,
    note: referral.referralNote,
    sourceUrl: referral.threadId ? threadUrl(webBaseUrl, referral.threadId) : null,
    receivedAt: referral.createdAt.toISOString(),
    slaDueAt: referral.slaDueAt.toISOString(),
    contact: referral.contact,
  };
}

export const intakeResponse = z.object({ ticketId: z.string().min(1).max(100) });

const hotlineText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((v) => stripAllTags(v).slice(0, max))
    .nullish()
    .transform((v) => (v ? v : null));

/** The body of a hotline callback. */
export const callbackBody = z.object({
  /** Our referral id, sent to the hotline as externalId. */
  referralId: objectIdSchema(),
  ticketId: z.string().min(1).max(100),
  status: z.enum(['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED']),
  publicResponse: hotlineText(5000),
  note: hotlineText(2000),
});
export type CallbackBody = z.output<typeof callbackBody>;
