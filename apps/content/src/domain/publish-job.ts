import { jobId } from '@portal/queue';

/** Job id of the publication of `articleId` scheduled for `at`: one job per schedule. */
export function publishJobId(articleId: string, at: Date): string {
  return jobId('publish', articleId, at.getTime());
}
