import { webPages } from '@portal/config';

/**
 * Links people and partners follow: the gateway's (audio, subscription confirmation and
 * unsubscribe, forwarded here) start with PUBLIC_BASE_URL, the portal's pages with WEB_BASE_URL.
 */
export interface LinkBase {
  publicBaseUrl: string;
  webBaseUrl: string;
}

export function audioUrl(base: LinkBase, audioFile: string | null): string | null {
  return audioFile ? `${base.publicBaseUrl}/audio/${encodeURIComponent(audioFile)}` : null;
}

export function confirmUrl(base: LinkBase, token: string): string {
  return `${base.publicBaseUrl}/bulletin/subscriptions/confirm?token=${encodeURIComponent(token)}`;
}

export function unsubscribeUrl(base: LinkBase, token: string): string {
  return `${base.publicBaseUrl}/bulletin/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The issue's page in the portal's web front end. */
export function issueUrl(base: LinkBase, issue: { year: number; month: number }): string {
  return webPages(base.webBaseUrl).bulletinIssue(issue.year, issue.month);
}

/** An article's page in the portal's web front end. */
export function articleUrl(base: LinkBase, article: { slug: string | null; id: string }): string {
  return webPages(base.webBaseUrl).article(article.slug ?? article.id);
}
