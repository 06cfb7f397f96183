import { webPages } from '@portal/config';

/**
 * Links this service puts in mail, for the portal's web front end (served under
 * WEB_BASE_URL): the public tracking page and the staff page of one referral.
 */
export function trackingUrl(webBaseUrl: string, trackingCode: string): string {
  return webPages(webBaseUrl).referralTracking(trackingCode);
}

export function staffReferralUrl(webBaseUrl: string, referralId: string): string {
  return webPages(webBaseUrl).staffReferral(referralId);
}

/** The public page of a forum thread, sent to the hotline so operators can read it. */
export function threadUrl(webBaseUrl: string, threadId: string): string {
  return webPages(webBaseUrl).thread(threadId);
}
