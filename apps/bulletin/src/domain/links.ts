import { webPages } from '@portal/config';

/** Links people and partners follow; every one starts with the portal's public base URL. */
export interface LinkBase {
  publicBaseUrl: string;
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
  return webPages(base.publicBaseUrl).bulletinIssue(issue.year, issue.month);
}

/** An article's page in the portal's web front end. */
export function articleUrl(base: LinkBase, article: { slug: string | null; id: string }): string {
  return webPages(base.publicBaseUrl).article(article.slug ?? article.id);
}
