import { hasRole, type Viewer } from '@portal/auth';
import type { ThreadStatus, Visibility, WorkflowStatus } from './forum-types';

/** Moderators (and admins) review hidden content. */
export function isModerator(viewer: Viewer): boolean {
  return viewer.id !== null && hasRole(viewer, 'moderator');
}

export interface Moderated {
  visibility: Visibility;
  authorId: string | null;
}

/**
 * Who may see a piece of content: everyone when VISIBLE; its author and moderators when
 * HIDDEN (so authors know why it disappeared); only moderators when REMOVED.
 */
export function canSeeContent(viewer: Viewer, content: Moderated): boolean {
  if (content.visibility === 'VISIBLE') return true;
  if (isModerator(viewer)) return true;
  return content.visibility === 'HIDDEN' && viewer.id !== null && content.authorId === viewer.id;
}

/** A post is seen only when both it and its thread may be seen. */
export function canSeePost(viewer: Viewer, post: Moderated, thread: Moderated | null): boolean {
  return thread !== null && canSeeContent(viewer, thread) && canSeeContent(viewer, post);
}

/** `Thread.status` as the schema shows it: HIDDEN whenever the thread is not visible. */
export function threadStatusOf(thread: {
  workflowStatus: WorkflowStatus;
  visibility: Visibility;
}): ThreadStatus {
  return thread.visibility === 'VISIBLE' ? thread.workflowStatus : 'HIDDEN';
}
