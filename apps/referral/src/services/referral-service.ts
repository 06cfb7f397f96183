import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { badInput, conflict, notFound } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import { excerpt } from '@portal/text';
import type { ForumClient } from '../clients/forum-client';
import { planFeedback, type FeedbackRoute } from '../domain/feedback';
import type { CallbackBody } from '../domain/hotline-protocol';
import { threadUrl } from '../domain/links';
import { requireManageReferral } from '../domain/referral-access';
import type { SubmitFeedbackInput } from '../domain/referral-input';
import {
  isClosed,
  planTransition,
  type ReferralStatus,
  type TransitionActor,
} from '../domain/referral-status';
import { isOverdue, slaDueAt } from '../domain/sla';
import { feedbackJobId } from '../jobs/job-ids';
import { SYSTEM_ACTOR, HOTLINE_ACTOR, type Actor } from '../models/actor';
import type { HotlineCategoryDoc } from '../models/hotline-category.model';
import type { ReferralDoc } from '../models/referral.model';
import type {
  AppliedChange,
  ReferralChange,
  ReferralRepository,
} from '../models/referral.repository';
import type { AgencyContactService } from './agency-contact-service';
import type { CategoryService } from './category-service';
import { dispatchEffect, overdueEffects, statusEffects } from './referral-effects';

export interface FeedbackOutcome {
  routedTo: FeedbackRoute;
  trackingCode: string | null;
  threadId: string | null;
}

export interface ReferralServiceOptions {
  repo: ReferralRepository;
  categories: CategoryService;
  contacts: AgencyContactService;
  outbox: Outbox;
  /** Null when the forum is not configured; referrals then quote only the moderator's note. */
  forum: ForumClient | null;
  publicBaseUrl: string;
  logger: Logger;
  now?: () => Date;
}

/** Public notes of the history entries this service writes itself. */
const NOTES = {
  received: 'Đã tiếp nhận phản ánh.',
  referred: 'Đã tiếp nhận phản ánh từ diễn đàn.',
  forwarded: 'Đã chuyển đến Tổng đài 1022.',
  failed: 'Chưa chuyển được đến Tổng đài 1022; cán bộ sẽ xử lý.',
  retried: 'Đang chuyển lại đến Tổng đài 1022.',
} as const;

/**
 * The referral use cases: creating referrals (from the forum or from feedback), moving them
 * through their statuses (dispatcher, hotline, staff), and the overdue check. Access rules
 * that depend on the referral (an officer's agency) are checked here.
 */
export class ReferralService {
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(private readonly options: ReferralServiceOptions) {
    this.log = options.logger.child({ module: 'referrals' });
    this.now = options.now ?? (() => new Date());
  }

  /** A moderator refers a forum thread, or one post of it, to the hotline. */
  async referFromForum(
    viewer: Viewer & { id: string },
    args: { threadId: string; postId: string | null; categoryCode: string; note: string | null },
  ): Promise<ReferralDoc> {
    const { repo, categories, forum, publicBaseUrl } = this.options;
    const category = await categories.requireActive(args.categoryCode, 'categoryCode');
    const source = args.postId ? 'FORUM_POST' : 'FORUM_THREAD';
    const sourceKey = args.postId ? `post:${args.postId}` : `thread:${args.threadId}`;
    if (await repo.exists(sourceKey))
      throw conflict('This has already been referred to the hotline');

    const link = threadUrl(publicBaseUrl, args.threadId);
    let subject = 'Phản ánh từ diễn đàn';
    let summary = args.note ?? `Nội dung tại ${link}`;
    const found = forum ? await forum.lookup(args.threadId, args.postId) : null;
    if (found?.found === false) throw notFound(args.postId ? 'Post' : 'Thread');
    if (found?.found) {
      const content = found.post ?? found.thread;
      subject = excerpt(found.thread.title, 200);
      if (content.text) summary = excerpt(content.text, 5000);
    } else if (found) {
      // The forum is down: refer anyway with the link; the hotline can read the thread there.
      this.log.warn({ threadId: args.threadId, reason: found.reason }, 'forum lookup failed');
    }

    return this.create(category, {
      source,
      sourceKey,
      threadId: args.threadId,
      postId: args.postId,
      subject,
      summary,
      referralNote: args.note,
      contact: null,
      submittedBy: null,
      createdBy: staffActor(viewer),
      receivedNote: NOTES.referred,
    });
  }

  /**
   * Feedback from anyone: with a hotline category it becomes a DIRECT referral; without,
   * a FEEDBACK thread that the forum creates from a job with the id chosen here, so the
   * feedback is kept (in the outbox, then the queue) even while the forum is down.
   */
  async submitFeedback(viewer: Viewer, input: SubmitFeedbackInput): Promise<FeedbackOutcome> {
    const plan = planFeedback(viewer, input);
    if (plan.route === 'FORUM') {
      const threadId = new Types.ObjectId().toHexString();
      await this.options.outbox.add(
        'forum-events',
        {
          type: 'feedback.submitted',
          threadId,
          feedbackId: threadId,
          title: input.subject,
          body: input.body,
          author: plan.author,
        },
        { jobId: feedbackJobId(threadId) },
      );
      this.log.info({ threadId }, 'feedback routed to the forum');
      return { routedTo: 'FORUM', trackingCode: null, threadId };
    }
    const category = await this.options.categories.requireActive(
      input.categoryCode!,
      'input.categoryCode',
    );
    const id = new Types.ObjectId();
    const referral = await this.create(category, {
      _id: id,
      source: 'DIRECT',
      sourceKey: `direct:${id.toHexString()}`,
      threadId: null,
      postId: null,
      subject: input.subject,
      summary: input.body,
      referralNote: null,
      contact: plan.contactEmail
        ? { email: plan.contactEmail, name: plan.author?.displayName ?? null }
        : null,
      submittedBy: plan.author?.id ?? null,
      createdBy: plan.author
        ? { kind: 'CITIZEN', id: plan.author.id, name: plan.author.displayName }
        : { kind: 'CITIZEN', id: null, name: 'Người dân' },
      receivedNote: NOTES.received,
    });
    return { routedTo: 'HOTLINE', trackingCode: referral.trackingCode, threadId: null };
  }

  /** Staff move a referral of their agency (moderators and admins: any). */
  async updateStatus(
    viewer: Viewer,
    args: {
      id: string;
      status: ReferralStatus;
      note: string | null;
      publicResponse: string | null;
    },
  ): Promise<ReferralDoc> {
    const existing = await this.options.repo.findById(args.id);
    if (!existing) throw notFound('Referral');
    requireManageReferral(viewer, existing);
    const by = staffActor(viewer);
    const result = await this.options.repo.applyChange(args.id, (current) => {
      const newResponse =
        args.publicResponse !== null && args.publicResponse !== current.publicResponse;
      if (
        args.status === 'REJECTED' &&
        !args.note &&
        !args.publicResponse &&
        !current.publicResponse
      )
        throw badInput('publicResponse', 'is required to reject (or give a note): say why');
      return this.transition(current, args.status, 'STAFF', {
        carriesUpdate: newResponse || args.note !== null,
        note: args.note,
        publicResponse: args.publicResponse,
        by,
      });
    });
    return result.referral;
  }

  /** Moderators send a FAILED referral to the hotline again (a new dispatch round). */
  async retryDispatch(viewer: Viewer, id: string): Promise<ReferralDoc> {
    const by = staffActor(viewer);
    const result = await this.options.repo.applyChange(id, (current) => {
      if (current.status !== 'FAILED')
        throw conflict(`Only a FAILED referral can be sent again (this one is ${current.status})`);
      const round = current.dispatchRound + 1;
      return {
        kind: 'STATUS',
        status: 'RECEIVED',
        note: NOTES.retried,
        by,
        patch: { dispatchRound: round, dispatchError: null },
        effects: () => [dispatchEffect(id, round)],
      };
    });
    this.log.info({ referralId: id, by: viewer.id }, 'dispatch retried');
    return result.referral;
  }

  /** A verified hotline callback: status, public response and history. */
  async applyCallback(body: CallbackBody): Promise<AppliedChange> {
    return this.options.repo.applyChange(body.referralId, (current) => {
      if (current.hotlineTicketId && current.hotlineTicketId !== body.ticketId)
        throw conflict('The ticket id does not match this referral');
      const newResponse =
        body.publicResponse !== null && body.publicResponse !== current.publicResponse;
      const change = this.transition(current, body.status, 'HOTLINE', {
        carriesUpdate: newResponse,
        note: body.note,
        publicResponse: body.publicResponse,
        by: HOTLINE_ACTOR,
      });
      if (change && !current.hotlineTicketId) change.patch.hotlineTicketId = body.ticketId;
      return change;
    });
  }

  /** The hotline took the referral: FORWARDED with its ticket (or just the ticket, if a callback came first). */
  async recordForwarded(id: string, ticketId: string): Promise<AppliedChange> {
    return this.options.repo.applyChange(id, (current) => {
      if (current.hotlineTicketId && current.hotlineTicketId !== ticketId) {
        // The idempotency key should make this impossible; keep the first ticket and say so.
        this.log.error(
          { referralId: id, kept: current.hotlineTicketId, other: ticketId },
          'hotline answered with a second ticket for one referral',
        );
        return null;
      }
      if (planTransition(current.status, 'FORWARDED', 'DISPATCHER').kind === 'apply')
        return this.transition(current, 'FORWARDED', 'DISPATCHER', {
          note: NOTES.forwarded,
          by: SYSTEM_ACTOR,
          extra: { hotlineTicketId: ticketId, dispatchError: null },
        });
      if (current.hotlineTicketId) return null;
      return {
        kind: 'TICKET',
        status: current.status,
        note: null,
        by: SYSTEM_ACTOR,
        patch: { hotlineTicketId: ticketId },
      };
    });
  }

  /** The last dispatch attempt failed (or one that cannot succeed): FAILED, for a moderator. */
  async recordDispatchFailure(id: string, reason: string): Promise<AppliedChange> {
    return this.options.repo.applyChange(id, (current) => {
      if (current.status !== 'RECEIVED') return null;
      return this.transition(current, 'FAILED', 'DISPATCHER', {
        note: NOTES.failed,
        by: SYSTEM_ACTOR,
        extra: { dispatchError: reason.slice(0, 500) },
      });
    });
  }

  /**
   * Flags referrals whose SLA passed while open and reminds their agency, once each.
   * Returns how many it flagged.
   */
  async flagOverdue(limit = 200): Promise<number> {
    const now = this.now();
    const due = await this.options.repo.findNewlyOverdue(now, limit);
    if (!due.length) return 0;
    const contacts = await this.options.contacts.byAgencies([
      ...new Set(due.map((r) => r.targetAgency)),
    ]);
    let flagged = 0;
    for (const referral of due) {
      const id = referral._id.toHexString();
      const contact = contacts.get(referral.targetAgency);
      if (!contact)
        this.log.warn(
          { referralId: id, agency: referral.targetAgency },
          'agency has no contact; overdue reminder not sent (set one with setAgencyContact)',
        );
      try {
        const result = await this.options.repo.applyChange(id, (current) => {
          if (current.overdueFlaggedAt || !isOverdue(current, now)) return null;
          return {
            kind: 'OVERDUE',
            status: current.status,
            note: null,
            by: SYSTEM_ACTOR,
            patch: { overdueFlaggedAt: now },
            effects: () => overdueEffects(current, contact, this.options.publicBaseUrl),
          };
        });
        if (result.applied) flagged++;
      } catch (err) {
        this.log.error({ err, referralId: id }, 'could not flag overdue referral');
      }
    }
    return flagged;
  }

  private async create(
    category: HotlineCategoryDoc,
    fields: Pick<
      ReferralDoc,
      | 'source'
      | 'sourceKey'
      | 'threadId'
      | 'postId'
      | 'subject'
      | 'summary'
      | 'referralNote'
      | 'contact'
      | 'submittedBy'
      | 'createdBy'
      | 'receivedNote'
    > & { _id?: Types.ObjectId },
  ): Promise<ReferralDoc> {
    const now = this.now();
    const referral = await this.options.repo.insert({
      ...fields,
      categoryCode: category._id,
      categoryName: category.name,
      targetAgency: category.targetAgency,
      slaHours: category.slaHours,
      slaDueAt: slaDueAt(now, category.slaHours),
      status: 'RECEIVED',
      publicResponse: null,
      hotlineTicketId: null,
      dispatchRound: 1,
      dispatchError: null,
      overdueFlaggedAt: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const id = referral._id.toHexString();
    const dispatch = dispatchEffect(id, 1);
    try {
      await this.options.outbox.add(
        'referral-dispatch',
        { referralId: id },
        { jobId: dispatch.jobId },
      );
    } catch (err) {
      // The referral is saved; failing now would only make the citizen submit it twice. The
      // recovery sweep queues the dispatch of any RECEIVED referral that has no job.
      this.log.error({ err, referralId: id }, 'dispatch job not recorded; recovery will queue it');
    }
    this.log.info(
      { referralId: id, source: referral.source, category: referral.categoryCode },
      'referral received',
    );
    return referral;
  }

  /** A status change (or progress note) as an event, refused with CONFLICT when not allowed. */
  private transition(
    current: ReferralDoc,
    to: ReferralStatus,
    actor: TransitionActor,
    change: {
      carriesUpdate?: boolean;
      note: string | null;
      publicResponse?: string | null;
      by: Actor;
      extra?: ReferralChange['patch'];
    },
  ): ReferralChange | null {
    const plan = planTransition(current.status, to, actor, { carriesUpdate: change.carriesUpdate });
    if (plan.kind === 'refuse') throw conflict(`Cannot update the referral: ${plan.reason}`);
    if (plan.kind === 'noop') return null;
    const closedAt = isClosed(to) ? this.now() : null;
    const patch: ReferralChange['patch'] = {
      ...change.extra,
      publicResponse: change.publicResponse ?? current.publicResponse,
      closedAt,
    };
    return {
      kind: 'STATUS',
      status: to,
      note: change.note,
      by: change.by,
      patch,
      effects: (seq, at) =>
        statusEffects(
          { ...current, ...patch, status: to, updatedAt: at },
          seq,
          this.options.publicBaseUrl,
        ),
    };
  }
}

function staffActor(viewer: Viewer): Actor {
  const name = viewer.displayName ?? viewer.id ?? 'Cán bộ';
  return {
    kind: 'STAFF',
    id: viewer.id,
    name: viewer.department ? `${name} (${viewer.department})` : name,
  };
}
