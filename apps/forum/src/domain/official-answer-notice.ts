import { webPages } from '@portal/config';

/** A follower who can be e-mailed. */
export interface NoticeRecipient {
  id: string;
  email: string;
  name?: string;
}

/**
 * The recipients of an official-answer notice, in stable batches: people who followed
 * the thread before the answer, who have an e-mail address, except whoever answered.
 * Sorting by id makes the batches (and so their job ids) the same on every run.
 */
export function noticeBatches(
  followers: readonly { userId: string; email: string | null; displayName?: string | null }[],
  answeredBy: string | null,
  batchSize: number,
): NoticeRecipient[][] {
  const seen = new Set<string>();
  const recipients: NoticeRecipient[] = [];
  for (const f of [...followers].sort((a, b) => (a.userId < b.userId ? -1 : 1))) {
    if (!f.email || f.userId === answeredBy || seen.has(f.userId)) continue;
    seen.add(f.userId);
    recipients.push({
      id: f.userId,
      email: f.email,
      ...(f.displayName ? { name: f.displayName.slice(0, 200) } : {}),
    });
  }
  const batches: NoticeRecipient[][] = [];
  for (let i = 0; i < recipients.length; i += batchSize)
    batches.push(recipients.slice(i, i + batchSize));
  return batches;
}

/** The public page of a thread, on the web front end (WEB_BASE_URL). */
export function threadUrl(webBaseUrl: string, threadId: string): string {
  return webPages(webBaseUrl).thread(threadId);
}

/** The notification id shared by every batch of one answer's notice. */
export function officialAnswerNotificationId(postId: string): string {
  return `forum.official-answer.${postId}`;
}
