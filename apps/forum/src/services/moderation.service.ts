import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { insertOnce, paginate, type Page } from '@portal/db';
import { badInput, notFound } from '@portal/errors';
import { parseArgs } from '@portal/graphql-kit';
import type { RateLimiter } from '@portal/http';
import { isNewAccount } from '../domain/anti-abuse';
import type { ForumRules } from '../domain/forum-rules';
import type { ModerationAction, TargetKind, Visibility } from '../domain/forum-types';
import { flagOutcome, shouldAutoHide, visibilityAfter } from '../domain/moderation';
import { assertModerator, assertParticipant } from '../domain/permissions';
import { flagInput, noteArgs } from '../domain/thread-input';
import type { ModerationItemDoc, ModerationLogDoc } from '../models';
import { refreshThreadFact } from '../stats/thread-facts';
import { loadTarget, loadVisibleTarget, type Target } from './load-content';
import { writeLog } from './moderation-log';
import { recordProfile } from './profiles';
import type { ForumServiceOptions } from './service-options';

export interface ModerationServiceOptions extends ForumServiceOptions {
  rules: Pick<ForumRules, 'autoHideFlags' | 'newAccountDays'>;
  /** The flagger's rate limit. */
  flagLimit: RateLimiter;
}

// Moderation decisions and staff handling that mean "staff stand behind this content".
const STAFF_ACTIONS = ['RESTORE', 'ASSIGN', 'CLOSE', 'REOPEN', 'REFER'] as const;

/**
 * People flag threads and posts; flagged content waits in the moderation queue, is hidden
 * automatically at the threshold or held for a moderator, and moderators decide. Every
 * decision is in the moderation log.
 */
export class ModerationService {
  constructor(private readonly o: ModerationServiceOptions) {}

  /**
   * A person flags a thread or post once (a unique (target, person) document). The target
   * enters the moderation queue, and at the threshold of flags that count (not from new
   * accounts) it is hidden automatically, or held for a moderator if staff stand behind it.
   */
  async flag(
    viewer: Viewer,
    targetId: string,
    raw: { reason: unknown; note?: unknown },
  ): Promise<void> {
    assertParticipant(viewer);
    const flag = parseArgs(flagInput, { reason: raw.reason, note: raw.note });
    const { models, rules, logger } = this.o;
    const now = this.o.now();
    const target = await loadVisibleTarget(models, viewer, targetId);
    const authorId = target.kind === 'THREAD' ? target.thread.authorId : target.post.authorId;
    if (authorId === viewer.id) throw badInput('targetId', 'you cannot flag your own content');
    await this.o.flagLimit.consume(viewer.id);
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
    const queuedAt = await this.enqueueForReview(target, now);
    const counting = await models.flags.countDocuments({
      targetId,
      reviewed: false,
      counts: { $ne: false },
    });
    const visibility = target.kind === 'THREAD' ? target.thread.visibility : target.post.visibility;
    if (!shouldAutoHide(counting, rules.autoHideFlags, visibility)) return;
    const backing = await this.staffBacking(target);
    const outcome = flagOutcome(counting, rules.autoHideFlags, visibility, backing !== null);
    // One log entry per review round, however many flaggers cross the threshold at once.
    const round = { targetId, targetKind: target.kind, actor: null, at: now };
    if (outcome === 'HOLD') {
      // Left visible and in the queue (it is there already).
      const held = await writeLog(models, {
        ...round,
        key: `held.${targetId}.${queuedAt.getTime()}`,
        action: 'HELD_FOR_REVIEW',
        detail: `${counting} flags; ${backing}`,
      });
      if (held) logger.info({ targetId, flags: counting }, 'flagged content held for a moderator');
      return;
    }
    await this.setVisibility(target.kind, targetId, 'HIDDEN', 'VISIBLE');
    await models.moderationItems.updateOne(
      { _id: targetId },
      { $set: { autoHidden: true, updatedAt: now } },
    );
    const hidden = await writeLog(models, {
      ...round,
      key: `auto-hide.${targetId}.${queuedAt.getTime()}`,
      action: 'AUTO_HIDE',
      detail: `${counting} flags`,
    });
    if (hidden) logger.info({ targetId, flags: counting }, 'content hidden automatically');
  }

  /**
   * A moderator hides, restores or removes a thread or post. Its open flags count as
   * reviewed, it leaves the queue, and the decision is logged with the note.
   */
  async moderate(
    moderator: Viewer,
    targetId: string,
    action: ModerationAction,
    rawNote: unknown,
  ): Promise<void> {
    assertModerator(moderator);
    const { note } = parseArgs(noteArgs, { note: rawNote });
    const { models } = this.o;
    const now = this.o.now();
    const target = await loadTarget(models, targetId);
    if (!target) throw notFound('Content');
    const current = target.kind === 'THREAD' ? target.thread.visibility : target.post.visibility;
    const next = visibilityAfter(action, current);
    await this.setVisibility(target.kind, targetId, next);
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
    this.o.logger.info({ targetId, action, moderatorId: moderator.id }, 'content moderated');
  }

  /** Pending moderation items, oldest first. */
  queue(
    moderator: Viewer,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<ModerationItemDoc>> {
    assertModerator(moderator);
    return paginate(this.o.models.moderationItems, {
      filter: { pending: true },
      sort: [
        ['queuedAt', 1],
        ['_id', 1],
      ],
      first,
      after,
    });
  }

  /** The moderation log, newest first, for one target or all. */
  log(
    moderator: Viewer,
    targetId: string | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<ModerationLogDoc>> {
    assertModerator(moderator);
    return paginate(this.o.models.moderationLog, {
      filter: targetId ? { targetId } : {},
      sort: [
        ['at', -1],
        ['_id', -1],
      ],
      first,
      after,
    });
  }

  /** Why staff stand behind the target (for the log), or null when nothing says they do. */
  private async staffBacking(target: Target): Promise<string | null> {
    const { models } = this.o;
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
  private async enqueueForReview(target: Target, now: Date): Promise<Date> {
    const { moderationItems } = this.o.models;
    const targetId = target.kind === 'THREAD' ? target.thread._id : target.post._id;
    const id = targetId.toHexString();
    const created = await insertOnce(moderationItems, {
      _id: id,
      targetKind: target.kind,
      threadId: target.thread._id.toHexString(),
      pending: true,
      queuedAt: now,
      autoHidden: false,
      updatedAt: now,
    });
    if (created) return now;
    const item = await moderationItems.findById(id).lean();
    if (item && !item.pending) {
      await moderationItems.updateOne(
        { _id: id, pending: false },
        { $set: { pending: true, queuedAt: now, autoHidden: false, updatedAt: now } },
      );
      return now;
    }
    return item?.queuedAt ?? now;
  }

  /** Sets a thread's or post's visibility, optionally only from `onlyFrom`; true if it changed. */
  private async setVisibility(
    kind: TargetKind,
    targetId: string,
    visibility: Visibility,
    onlyFrom?: Visibility,
  ): Promise<boolean> {
    const { models } = this.o;
    const filter = {
      _id: new Types.ObjectId(targetId),
      ...(onlyFrom ? { visibility: onlyFrom } : {}),
    };
    const update = { $set: { visibility } };
    if (kind === 'POST') return (await models.posts.updateOne(filter, update)).modifiedCount > 0;
    const changed = (await models.threads.updateOne(filter, update)).modifiedCount > 0;
    // A removed thread leaves the participation figures; a restored one comes back.
    if (changed) await refreshThreadFact(models, targetId);
    return changed;
  }
}
