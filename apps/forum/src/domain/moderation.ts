import { conflict } from '@portal/errors';
import type { ModerationAction, Visibility } from './forum-types';

/** The visibility a moderator's action leads to; an action that changes nothing is refused. */
export function visibilityAfter(action: ModerationAction, current: Visibility): Visibility {
  const next: Visibility =
    action === 'HIDE' ? 'HIDDEN' : action === 'REMOVE' ? 'REMOVED' : 'VISIBLE';
  if (next === current && action !== 'RESTORE')
    throw conflict(`The content is already ${current.toLowerCase()}`);
  return next;
}

/** Content is hidden pending review once it has `threshold` unreviewed flags. */
export function shouldAutoHide(
  unreviewedFlags: number,
  threshold: number,
  visibility: Visibility,
): boolean {
  return visibility === 'VISIBLE' && unreviewedFlags >= threshold;
}

/**
 * What flags do to visible content once enough of them count (only flags from accounts past
 * their new-account period do, so a handful of fresh accounts cannot hide anything): content
 * that staff have stood behind (an official answer, an assignment, a referral, a moderator's
 * restore) is held for a moderator instead of hidden; anything else is hidden pending review.
 */
export function flagOutcome(
  countingFlags: number,
  threshold: number,
  visibility: Visibility,
  staffBacked: boolean,
): 'NONE' | 'HIDE' | 'HOLD' {
  if (!shouldAutoHide(countingFlags, threshold, visibility)) return 'NONE';
  return staffBacked ? 'HOLD' : 'HIDE';
}
