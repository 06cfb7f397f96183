import { Types } from 'mongoose';
import { requireRole, type Viewer } from '@portal/auth';
import { conflict, notFound } from '@portal/errors';
import type { Logger } from '@portal/logger';
import { parseArgs } from '@portal/graphql-kit';
import type { Outbox } from '@portal/queue';
import { excerpt } from '@portal/text';
import type { ForumClient } from '../clients/forum-client';
import { planFeedback, type FeedbackRoute } from '../domain/feedback';
import { threadUrl } from '../domain/links';
import { referPostArgs, referThreadArgs, type SubmitFeedbackInput } from '../domain/referral-input';
import { REFERRAL_NOTES } from '../domain/referral-status';
import { receivedReferral } from '../domain/received-referral';
import { feedbackJobId } from '../jobs/job-ids';
import { staffActor } from '../models/actor';
import type { HotlineCategoryDoc } from '../models/hotline-category.model';
import type { ReferralDoc } from '../models/referral.model';
import type { ReferralRepository } from '../models/referral.repository';
import type { CategoryService } from './category.service';
import { dispatchEffect } from './referral-effects';

export interface FeedbackOutcome {
  routedTo: FeedbackRoute;
  trackingCode: string | null;
  threadId: string | null;
}

export interface ReferralIntakeOptions {
  repo: ReferralRepository;
  categories: CategoryService;
  outbox: Outbox;
  /** Null when the forum is not configured; referrals then quote only the moderator's note. */
  forum: ForumClient | null;
  webBaseUrl: string;
  logger: Logger;
  now: () => Date;
}

/**
 * How referrals come in: a moderator refers forum content, or anyone sends feedback (a
 * DIRECT referral, or a FEEDBACK thread for the forum). Each new referral is stored RECEIVED
 * with its SLA and its dispatch to the hotline recorded in the outbox.
 */
export class ReferralIntakeService {
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(private readonly options: ReferralIntakeOptions) {
    this.log = options.logger.child({ module: 'referral-intake' });
    this.now = options.now;
  }

  /** A moderator refers a forum thread (the role is checked before the arguments are read). */
  async referThread(viewer: Viewer, args: unknown): Promise<ReferralDoc> {
    requireRole(viewer, 'moderator');
    return this.referFromForum(viewer, { ...parseArgs(referThreadArgs, args), postId: null });
  }

  /** A moderator refers one post of a forum thread (the role is checked first, likewise). */
  async referPost(viewer: Viewer, args: unknown): Promise<ReferralDoc> {
    requireRole(viewer, 'moderator');
    return this.referFromForum(viewer, parseArgs(referPostArgs, args));
  }

  /** A forum thread, or one post of it, to the hotline. */
  private async referFromForum(
    viewer: Viewer & { id: string },
    args: { threadId: string; postId: string | null; categoryCode: string; note: string | null },
  ): Promise<ReferralDoc> {
    const { repo, categories, forum, webBaseUrl } = this.options;
    const category = await categories.requireActive(args.categoryCode, 'categoryCode');
    const source = args.postId ? 'FORUM_POST' : 'FORUM_THREAD';
    const sourceKey = args.postId ? `post:${args.postId}` : `thread:${args.threadId}`;
    if (await repo.exists(sourceKey))
      throw conflict('This has already been referred to the hotline');

    const link = threadUrl(webBaseUrl, args.threadId);
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
      receivedNote: REFERRAL_NOTES.referred,
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
      receivedNote: REFERRAL_NOTES.received,
    });
    return { routedTo: 'HOTLINE', trackingCode: referral.trackingCode, threadId: null };
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
      ...receivedReferral(category, now),
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
}
