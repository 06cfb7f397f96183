import type { Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { assertParticipant } from '../domain/permissions';
import { flagInput } from '../domain/thread-input';
import { badInput } from '@portal/errors';
import { insertOnce } from '@portal/db';
import { isNewAccount } from '../domain/anti-abuse';
import { flagOutcome, shouldAutoHide } from '../domain/moderation';
import type { ForumModels } from '../models';
import type { ForumDeps } from './deps';
import { loadVisibleTarget, type Target } from './load-content';
import { writeLog } from './moderation-log';
import { recordProfile } from './profiles';
import { setVisibility } from './set-visibility';

/**
 * A person flags a thread or post once (a unique (target, person) document). The target
 * enters the moderation queue, and at the threshold of flags that count (not from new
 * accounts) it is hidden automatically, or held for a moderator if staff stand behind it.
 */
export async function flagContent(
  deps: ForumDeps,
  viewer: Viewer,
  targetId: string,
  raw: { reason: unknown; note?: unknown },
  now = new Date(),
): Promise<void> {
  assertParticipant(viewer);
  const flag = parseArgs(flagInput, { reason: raw.reason, note: raw.note });
  const { models, rules } = deps;
  const target = await loadVisibleTarget(models, viewer, targetId);
  const authorId = target.kind === 'THREAD' ? target.thread.authorId : target.post.authorId;
  if (authorId === viewer.id) throw badInput('targetId', 'you cannot flag your own content');
  await deps.limiters.flags.consume(viewer.id);
  const profile = await recordProfile(models, viewer, now);
  const inserted = await insertOnce(models.flags, {
    targetId,
    targetKind: target.kind,
    userId: viewer.id,
    reason: flag.reason,
    note: flag.note,
    reviewed: false,
    counts: !isNewAccount(profile.firstSeenAt, now, rules.newAccountDays),
    createdAt: now,
    reviewedAt: null,
  });
  if (!inserted) return;
  const queuedAt = await enqueueForReview(models, target, now);
  const counting = await models.flags.countDocuments({
    targetId,
    reviewed: false,
    counts: { $ne: false },
  });
  const visibility = target.kind === 'THREAD' ? target.thread.visibility : target.post.visibility;
  if (!shouldAutoHide(counting, rules.autoHideFlags, visibility)) return;
  const backing = await staffBacking(models, target);
  const outcome = flagOutcome(counting, rules.autoHideFlags, visibility, backing !== null);
  if (outcome === 'HOLD') {
    // Left visible and in the queue (it is there already); logged once per review round.
    if (
      await writeLog(models, {
        key: `held.${targetId}.${queuedAt.getTime()}`,
        action: 'HELD_FOR_REVIEW',
        targetId,
        targetKind: target.kind,
        actor: null,
        detail: `${counting} flags; ${backing}`,
        at: now,
      })
    )
      deps.logger.info({ targetId, flags: counting }, 'flagged content held for a moderator');
    return;
  }
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
      detail: `${counting} flags`,
      at: now,
    })
  )
    deps.logger.info({ targetId, flags: counting }, 'content hidden automatically');
}

// Moderation decisions and staff handling that mean "staff stand behind this content".
const STAFF_ACTIONS = ['RESTORE', 'ASSIGN', 'CLOSE', 'REOPEN', 'REFER'] as const;

/** Why staff stand behind the target (for the log), or null when nothing says they do. */
async function staffBacking(models: ForumModels, target: Target): Promise<string | null> {
  if (target.kind === 'POST') {
    if (target.post.isOfficialAnswer) return 'an official answer';
  } else {
    const { thread } = target;
    if (thread.workflowStatus === 'ANSWERED' || thread.statusBeforeClose === 'ANSWERED')
      return 'officially answered';
    if (thread.referral) return 'referred to the hotline';
    if (thread.assignedDepartment) return `assigned to ${thread.assignedDepartment}`;
    const answer = await models.posts.exists({ threadId: thread._id, isOfficialAnswer: true });
    if (answer) return 'officially answered';
  }
  const targetId = target.kind === 'THREAD' ? target.thread._id : target.post._id;
  const acted = await models.moderationLog.exists({
    targetId: targetId.toHexString(),
    action: { $in: STAFF_ACTIONS },
  });
  return acted ? 'staff have acted on it' : null;
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
