import { conflict } from '@portal/errors';
import type { WorkflowStatus } from './forum-types';

/** An official answer makes a thread ANSWERED; a closed thread takes no answers. */
export function statusAfterAnswer(current: WorkflowStatus): WorkflowStatus {
  if (current === 'CLOSED') throw conflict('The thread is closed');
  return 'ANSWERED';
}

/**
 * A hotline referral makes a thread REFERRED. Returns null when nothing changes: it is
 * already REFERRED (a repeated event) or CLOSED (a moderator's closing stands).
 */
export function statusAfterReferral(current: WorkflowStatus): WorkflowStatus | null {
  if (current === 'REFERRED' || current === 'CLOSED') return null;
  return 'REFERRED';
}

export function assertOpenForReplies(current: WorkflowStatus): void {
  if (current === 'CLOSED') throw conflict('The thread is closed to new replies');
}

/** Closing remembers the status to return to on reopening. */
export function closeTransition(current: WorkflowStatus): {
  status: WorkflowStatus;
  before: WorkflowStatus;
} {
  if (current === 'CLOSED') throw conflict('The thread is already closed');
  return { status: 'CLOSED', before: current };
}

export function reopenTransition(
  current: WorkflowStatus,
  before: WorkflowStatus | null,
): WorkflowStatus {
  if (current !== 'CLOSED') throw conflict('The thread is not closed');
  return before && before !== 'CLOSED' ? before : 'OPEN';
}
