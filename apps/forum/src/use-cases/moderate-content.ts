import type { Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { assertModerator } from '../domain/permissions';
import { noteArgs } from '../domain/thread-input';
import { notFound } from '@portal/errors';
import type { ModerationAction } from '../domain/forum-types';
import { visibilityAfter } from '../domain/moderation';
import type { ForumDeps } from './deps';
import { loadTarget } from './load-content';
import { writeLog } from './moderation-log';
import { setVisibility } from './set-visibility';

/**
 * A moderator hides, restores or removes a thread or post. Its open flags count as
 * reviewed, it leaves the queue, and the decision is logged with the note.
 */
export async function moderateContent(
  deps: ForumDeps,
  moderator: Viewer,
  targetId: string,
  action: ModerationAction,
  rawNote: unknown,
  now = new Date(),
): Promise<void> {
  assertModerator(moderator);
  const { note } = parseArgs(noteArgs, { note: rawNote });
  const { models } = deps;
  const target = await loadTarget(models, targetId);
  if (!target) throw notFound('Content');
  const current = target.kind === 'THREAD' ? target.thread.visibility : target.post.visibility;
  const next = visibilityAfter(action, current);
  await setVisibility(models, target.kind, targetId, next);
  await models.flags.updateMany(
    { targetId, reviewed: false },
    { $set: { reviewed: true, reviewedAt: now } },
  );
  await models.moderationItems.updateOne(
    { _id: targetId },
    { $set: { pending: false, updatedAt: now } },
  );
  await writeLog(models, {
    action,
    targetId,
    targetKind: target.kind,
    actor: moderator,
    note,
    at: now,
  });
  deps.logger.info({ targetId, action, moderatorId: moderator.id }, 'content moderated');
}
