import { hasRole, requireRole, type Viewer } from '@portal/auth';
import { conflict, forbidden } from '@portal/errors';
import { unitByCode } from '@portal/reference-data';

/**
 * Who may answer at all, decided before the thread is looked up or the body read: an officer
 * (or admin) whose account carries a known department.
 */
export function assertOfficer(
  viewer: Viewer,
): asserts viewer is Viewer & { id: string; department: string } {
  requireRole(viewer, 'officer');
  if (!viewer.department || !unitByCode(viewer.department))
    throw forbidden('Your account has no department to answer for');
}

/**
 * Officers answer only threads assigned to their own department; an admin answers only
 * when they too carry the thread's department.
 */
export function assertCanAnswer(
  viewer: Viewer,
  thread: { assignedDepartment: string | null },
): asserts viewer is Viewer & { id: string; department: string } {
  assertOfficer(viewer);
  if (!thread.assignedDepartment) throw forbidden('The thread is not assigned to a department yet');
  if (thread.assignedDepartment !== viewer.department)
    throw forbidden('The thread is assigned to another department');
}

export interface Editable {
  authorId: string | null;
  createdAt: Date;
}

/** Authors edit their own words within the edit window; nobody edits anyone else's. */
export function assertCanEdit(
  viewer: Viewer,
  content: Editable,
  now: Date,
  windowMinutes: number,
): void {
  requireRole(viewer, 'citizen', 'officer', 'moderator', 'editor', 'contributor');
  if (content.authorId !== viewer.id) throw forbidden('Only the author can edit this');
  if (now.getTime() - content.createdAt.getTime() > windowMinutes * 60_000)
    throw conflict(`The ${windowMinutes}-minute edit window has passed`);
}

/** Every signed-in person takes part (every role includes citizen). */
export function assertParticipant(viewer: Viewer): asserts viewer is Viewer & { id: string } {
  requireRole(viewer, 'citizen', 'contributor', 'editor', 'moderator', 'officer');
}

export function assertModerator(viewer: Viewer): asserts viewer is Viewer & { id: string } {
  requireRole(viewer, 'moderator');
}

/** Officers and moderators write in an official capacity and are exempt from the link limit. */
export function isStaff(viewer: Viewer): boolean {
  return hasRole(viewer, 'moderator', 'officer');
}
