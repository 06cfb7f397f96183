import { jobId } from '@portal/queue';

/** Deterministic ids of the jobs and notifications this service produces. */

/** One dispatch per round: a manual retry starts a new round, since BullMQ keeps failed jobs. */
export const dispatchJobId = (referralId: string, round: number) =>
  jobId('dispatch', referralId, round);

export const threadReferredJobId = (referralId: string) => jobId('thread-referred', referralId);

export const feedbackJobId = (threadId: string) => jobId('feedback', threadId);

/** The citizen hears once that their referral was closed. */
export const closedNotificationId = (referralId: string) => jobId('referral-closed', referralId);

/** The agency is reminded once per referral. */
export const overdueNotificationId = (referralId: string) => jobId('referral-overdue', referralId);

/** Partners get one webhook per change. */
export const updatedWebhookId = (referralId: string, seq: number) =>
  jobId('referral-updated', referralId, seq);

export const MAINTENANCE_TASKS = ['overdue', 'recover', 'cleanup', 'stats'] as const;
export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number];
