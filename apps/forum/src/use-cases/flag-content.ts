import type { Viewer } from '@portal/auth';
import { badInput } from '@portal/errors';
import { insertOnce } from '@portal/db';
import type { FlagReason } from '../domain/forum-types';
import { shouldAutoHide } from '../domain/moderation';
import type { ForumModels } from '../models';
import type { ForumDeps } from './deps';
import { loadVisibleTarget, type Target } from './load-content';
import { writeLog } from './moderation-log';
import { setVisibility } from './set-visibility';

/**
 * A person flags a thread or post once (a unique (target, person) document). The target
 * enters the moderation queue, and is hidden automatically at the flag threshold.
 */
export async function flagContent(
  deps: ForumDeps,
  viewer: Viewer & { id: string },
  targetId: string,
  flag: { reason: FlagReason; note: string | null },
  now = new Date(),
): Promise<void> {
  const { models } = deps;
  const target = await loadVisibleTarget(models, viewer, targetId);
  const authorId = target.kind === 'THREAD' ? target.thread.authorId : target.post.authorId;
  if (authorId === viewer.id) throw badInput('targetId', 'you cannot flag your own content');
  await deps.limiters.flags.consume(viewer.id);
  const inserted = await insertOnce(models.flags, {
    targetId,
    targetKind: target.kind,
    userId: viewer.id,
    reason: flag.reason,
    note: flag.note,
    reviewed: false,
    createdAt: now,
    reviewedAt: null,
  });
  if (!inserted) return;
  const queuedAt = await enqueueForReview(models, target, now);
  const unreviewed = await models.flags.countDocuments({ targetId, reviewed: false });
  const visibility = target.kind === 'THREAD' ? target.thread.visibility : target.post.visibility;
  if (!shouldAutoHide(unreviewed, deps.rules.autoHideFlags, visibility)) return;
  await setVisibility(models, target.kind, targetId, 'HIDDEN', 'VISIBLE');
  await models.moderationItems.updateOne(
    { _id: targetId },
    { $set: { autoHidden: true, updatedAt: now } },
  );
  // One log entry per review round, however many flaggers cross the threshold at once.
  if (
    await writeLog(models, {
      key: `auto-hide.${targetId}.${queuedAt.getTime()}`,
      action: 'AUTO_HIDE',
      targetId,
      targetKind: target.kind,
      actor: null,
      detail: `${unreviewed} flags`,
      at: now,
    })
  )
    deps.logger.info({ targetId, flags: unreviewed }, 'content hidden automatically');
}

/** Puts the target in the queue (or back in it after an earlier review); returns the round. */
async function enqueueForReview(models: ForumModels, target: Target, now: Date): Promise<Date> {
  const targetId = target.kind === 'THREAD' ? target.thread._id : target.post._id;
  const id = targetId.toHexString();
  const created = await insertOnce(models.moderationItems, {
    _id: id,
    targetKind: target.kind,
    threadId: target.thread._id.toHexString(),
    pending: true,
    queuedAt: now,
    autoHidden: false,
    updatedAt: now,
  });
  if (created) return now;
  const item = await models.moderationItems.findById(id).lean();
  if (item && !item.pending) {
    await models.moderationItems.updateOne(
      { _id: id, pending: false },
      { $set: { pending: true, queuedAt: now, autoHidden: false, updatedAt: now } },
    );
    return now;
  }
  return item?.queuedAt ?? now;
}
