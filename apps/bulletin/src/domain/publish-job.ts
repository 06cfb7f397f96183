import { jobId } from '@portal/queue';

/**
 * The `bulletin-publish` job id for an issue at a time: the same schedule is one job,
 * a new time is a new job (the old one is removed, and would do nothing anyway).
 */
export function publishJobId(issueId: string, at: Date): string {
  return jobId('publish', issueId, at.getTime());
}

/** The job id of one recipient batch of an issue's announcement. */
export function announcementJobId(issueId: string, batchIndex: number): string {
  return jobId('bulletin-issue', issueId, 'batch', batchIndex);
}

/** One notification per issue: the notifier delivers (notificationId, recipient) once. */
export function announcementNotificationId(issueId: string): string {
  return `bulletin-issue.${issueId}`;
}

export function webhookJobId(issueId: string): string {
  return jobId('webhook', 'bulletin-published', issueId);
}
