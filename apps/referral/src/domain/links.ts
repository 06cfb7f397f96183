import { webPages } from '@portal/config';

/**
 * Links this service puts in mail, for the portal's web front end (served under
 * PUBLIC_BASE_URL): the public tracking page and the staff page of one referral.
 */
export function trackingUrl(publicBaseUrl: string, trackingCode: string): string {
  return webPages(publicBaseUrl).referralTracking(trackingCode);
}

export function staffReferralUrl(publicBaseUrl: string, referralId: string): string {
  return webPages(publicBaseUrl).staffReferral(referralId);
}

/** The public page of a forum thread, sent to the hotline so operators can read it. */
export function threadUrl(publicBaseUrl: string, threadId: string): string {
  return webPages(publicBaseUrl).thread(threadId);
}
