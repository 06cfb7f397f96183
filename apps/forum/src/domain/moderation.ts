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
