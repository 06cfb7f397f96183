import { badInput } from '@portal/errors';
import { countLinks } from './body';

export interface AntiAbuseRules {
  newAccountDays: number;
  newAccountMaxLinks: number;
}

/** A person first seen by the forum less than `days` ago (or never) is a new account. */
export function isNewAccount(firstSeenAt: Date | null, now: Date, days: number): boolean {
  if (!firstSeenAt) return days > 0;
  return now.getTime() - firstSeenAt.getTime() < days * 86_400_000;
}

/** New accounts may include only a few links: the usual shape of spam. */
export function assertLinkLimit(
  html: string,
  field: string,
  newAccount: boolean,
  rules: AntiAbuseRules,
): void {
  if (!newAccount) return;
  const links = countLinks(html);
  if (links > rules.newAccountMaxLinks)
    throw badInput(
      field,
      `new accounts may include at most ${rules.newAccountMaxLinks} links (found ${links})`,
    );
}
