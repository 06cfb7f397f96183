import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import {
  createWithUniqueSlug,
  insertOnce,
  isDuplicateKeyError,
  isObjectIdString,
} from '@portal/db';
import { badInput, conflict, notFound } from '@portal/errors';
import type { Logger } from '@portal/logger';
import { jobId, type Outbox, type Producer } from '@portal/queue';
import { plainText, searchTokens, slugify } from '@portal/text';
import type { RevisionAction } from '../domain/article-enums';
import { diffFields } from '../domain/article-changes';
import { tagKey, type CreateArticleInput, type UpdateArticleInput } from '../domain/article-input';
import { articleWebhookPayload } from '../domain/article-public';
import { isVisibleTo } from '../domain/article-visibility';
import {
  assertCanEdit,
  assertCanPublish,
  assertCanReturnToDraft,
  assertCanSubmit,
  assertSchedulable,
  assertTransition,
  planPublish,
  requireWriter,
} from '../domain/article-workflow';
import type { ContentModels } from '../models';
import type { ArticleAuthorValue, ArticleDoc } from '../models/article.model';
import type { RevisionDoc } from '../models/revision.model';

export interface ArticleServiceDeps {
  models: ContentModels;
  outbox: Outbox;
  /** For removing a replaced scheduled job; the outbox adds jobs. */
  publishQueue: Producer<'content-publish'>;
  publicBaseUrl: string;
  logger: Logger;
  now?: () => Date;
}

/** A writer whose claimed revision was never applied is presumed dead after this long. */
const STALE_CLAIM_MS = 30_000;
/** A scheduled article this late was missed (e.g. its job was lost with Redis) and is published by the sweep. */
const OVERDUE_GRACE_MS = 60_000;

/** Job id of the publication of `articleId` scheduled for `at`: one job per schedule. */
export function publishJobId(articleId: string, at: Date): string {
  return jobId('publish', articleId, at.getTime());
}

/**
 * The editorial workflow over the database: every change claims the next version by
 * inserting its revision (unique per article and version), then applies its patch with a
 * version-guarded update. Side effects (the scheduled job, the partners' webhook) go through
 * the outbox, and sweeps finish whatever a crash interrupted.
 */
export class ArticleService {
  private readonly now: () => Date;
  private readonly log: Logger;

  constructor(private readonly deps: ArticleServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.log = deps.logger.child({ module: 'article-service' });
  }

  async create(viewer: Viewer, input: CreateArticleInput): Promise<ArticleDoc> {
    requireWriter(viewer);
    if (input.categoryId) await this.assertCategory(input.categoryId);
    const now = this.now();
    const author = authorOf(viewer);
    const tags = input.tags ?? [];
    const base: Omit<ArticleDoc, 'slug'> = {
      _id: new Types.ObjectId(),
      title: input.title,
      summary: input.summary ?? null,
      body: input.body,
      kind: input.kind,
      scope: input.scope ?? 'CITY',
      categoryId: input.categoryId ? new Types.ObjectId(input.categoryId) : null,
      tags,
      tagKeys: tags.map(tagKey),
      sourceUnit: input.sourceUnit ?? null,
      coverImageUrl: input.coverImageUrl ?? null,
      author,
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      scheduledAt: null,
      ...tokensOf(input.title, input.summary ?? null, input.body, tags),
      createdAt: now,
      updatedAt: now,
    };
    const article = await createWithUniqueSlug<ArticleDoc>(
      this.deps.models.articles,
      slugify(input.title),
      (slug) => ({ ...base, slug }) as ArticleDoc,
    );
    await this.deps.models.revisions.create({
      articleId: article._id,
      version: 1,
      action: 'CREATED',
      at: now,
      by: author,
      changes: diffFields({}, article as unknown as Record<string, unknown>),
      patch: {},
      notifyPending: false,
    });
    this.log.info({ articleId: String(article._id), by: author.id }, 'article created');
    return article;
  }

  async update(
    viewer: Viewer,
    id: string,
    input: UpdateArticleInput,
    expectedVersion: number,
  ): Promise<ArticleDoc> {
    requireWriter(viewer);
    const article = await this.load(id, viewer);
    assertCanEdit(viewer, article);
    if (article.version !== expectedVersion)
      throw conflict(
        `The article changed since version ${expectedVersion} (now ${article.version}); reload and retry`,
      );
    const patch: Partial<ArticleDoc> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.summary !== undefined) patch.summary = input.summary;
    if (input.body !== undefined) patch.body = input.body;
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.scope !== undefined) patch.scope = input.scope;
    if (input.sourceUnit !== undefined) patch.sourceUnit = input.sourceUnit;
    if (input.coverImageUrl !== undefined) patch.coverImageUrl = input.coverImageUrl;
    if (input.tags !== undefined) {
      patch.tags = input.tags ?? [];
      patch.tagKeys = patch.tags.map(tagKey);
    }
    if (input.categoryId !== undefined) {
      if (input.categoryId) await this.assertCategory(input.categoryId);
      patch.categoryId = input.categoryId ? new Types.ObjectId(input.categoryId) : null;
    }
    if (input.slug !== undefined && input.slug !== article.slug) {
      const taken = await this.deps.models.articles.exists({ slug: input.slug });
      if (taken) throw conflict(`The slug "${input.slug}" is taken`);
      patch.slug = input.slug;
    }
    const next = { ...article, ...patch };
    Object.assign(patch, tokensOf(next.title, next.summary, next.body, next.tags));
    return this.commit(article, 'UPDATED', authorOf(viewer), patch);
  }

  async submitForReview(viewer: Viewer, id: string): Promise<ArticleDoc> {
    requireWriter(viewer);
    const article = await this.load(id, viewer);
    assertCanSubmit(viewer, article);
    assertTransition(article.status, 'IN_REVIEW');
    return this.commit(article, 'SUBMITTED', authorOf(viewer), { status: 'IN_REVIEW' });
  }

  /** Publishes now, or schedules when `at` is in the future (replacing an earlier schedule). */
  async publish(viewer: Viewer, id: string, at: Date | null | undefined): Promise<ArticleDoc> {
    assertCanPublish(viewer);
    const article = await this.load(id, viewer);
    const now = this.now();
    const plan = planPublish(at, now);
    assertSchedulable(plan, now);
    assertTransition(article.status, plan.status);
    if (plan.status === 'PUBLISHED') return this.publishNow(article, authorOf(viewer));

    const updated = await this.commit(article, 'SCHEDULED', authorOf(viewer), {
      status: 'SCHEDULED',
      scheduledAt: plan.scheduledAt,
      publishedAt: null,
    });
    await this.enqueueScheduled(updated);
    if (article.status === 'SCHEDULED' && article.scheduledAt)
      await this.removeScheduledJob(article._id, article.scheduledAt);
    return updated;
  }

  async returnToDraft(viewer: Viewer, id: string): Promise<ArticleDoc> {
    requireWriter(viewer);
    const article = await this.load(id, viewer);
    assertCanReturnToDraft(viewer, article);
    assertTransition(article.status, 'DRAFT');
    const updated = await this.commit(article, 'RETURNED_TO_DRAFT', authorOf(viewer), {
      status: 'DRAFT',
      scheduledAt: null,
    });
    if (article.status === 'SCHEDULED' && article.scheduledAt)
      await this.removeScheduledJob(article._id, article.scheduledAt);
    return updated;
  }

  async archive(viewer: Viewer, id: string): Promise<ArticleDoc> {
    assertCanPublish(viewer);
    const article = await this.load(id, viewer);
    assertTransition(article.status, 'ARCHIVED');
    const updated = await this.commit(article, 'ARCHIVED', authorOf(viewer), {
      status: 'ARCHIVED',
      scheduledAt: null,
    });
    if (article.status === 'SCHEDULED' && article.scheduledAt)
      await this.removeScheduledJob(article._id, article.scheduledAt);
    return updated;
  }

  /**
   * The scheduled publication job: publishes only if the article is still SCHEDULED for
   * exactly `scheduledAt` (a rescheduled, unscheduled or deleted article makes it a no-op).
   */
  async publishScheduled(articleId: string, scheduledAt: Date): Promise<'published' | 'skipped'> {
    const article = await this.deps.models.articles.findById(articleId).lean<ArticleDoc>().exec();
    if (
      !article ||
      article.status !== 'SCHEDULED' ||
      article.scheduledAt?.getTime() !== scheduledAt.getTime()
    )
      return 'skipped';
    await this.publishNow(article, null);
    return 'published';
  }

  /**
   * Finishes what a crash or an outage interrupted: publishes scheduled articles whose job
   * never ran, hands over partners' webhooks that were not recorded, and rolls forward
   * changes whose writer died between claiming and applying them.
   */
  async reconcile(): Promise<{ published: number; notified: number }> {
    const now = this.now();
    let published = 0;
    const overdue = await this.deps.models.articles
      .find({
        status: 'SCHEDULED',
        scheduledAt: { $lte: new Date(now.getTime() - OVERDUE_GRACE_MS) },
      })
      .limit(100)
      .lean<ArticleDoc[]>()
      .exec();
    for (const article of overdue) {
      try {
        if (
          (await this.publishScheduled(String(article._id), article.scheduledAt!)) === 'published'
        )
          published++;
      } catch (err) {
        this.log.warn(
          { err, articleId: String(article._id) },
          'overdue publication failed; will retry',
        );
      }
    }
    let notified = 0;
    const pending = await this.deps.models.revisions
      .find({ notifyPending: true, at: { $lte: new Date(now.getTime() - STALE_CLAIM_MS) } })
      .limit(100)
      .lean<RevisionDoc[]>()
      .exec();
    for (const revision of pending) {
      const article = await this.deps.models.articles
        .findById(revision.articleId)
        .lean<ArticleDoc>()
        .exec();
      if (!article || article.version < revision.version) {
        // A claim whose writer died: roll it forward, then notify on a later sweep.
        if (article) await this.rollForward(article);
        continue;
      }
      if (article.status === 'PUBLISHED') {
        await this.notifyPublished(article, revision);
        notified++;
      } else {
        // Unpublished again before partners were told: there is nothing to announce.
        await this.deps.models.revisions.updateOne(
          { _id: revision._id },
          { $set: { notifyPending: false } },
        );
      }
    }
    return { published, notified };
  }

  private async publishNow(
    article: ArticleDoc,
    by: ArticleAuthorValue | null,
  ): Promise<ArticleDoc> {
    const now = this.now();
    const updated = await this.commit(
      article,
      'PUBLISHED',
      by,
      { status: 'PUBLISHED', publishedAt: now, scheduledAt: null },
      { notifyPending: true },
    );
    const revision = await this.deps.models.revisions
      .findOne({ articleId: article._id, version: updated.version })
      .lean<RevisionDoc>()
      .exec();
    if (revision) await this.notifyPublished(updated, revision);
    if (article.status === 'SCHEDULED' && article.scheduledAt && by)
      await this.removeScheduledJob(article._id, article.scheduledAt);
    this.log.info(
      { articleId: String(article._id), by: by?.id ?? 'schedule' },
      'article published',
    );
    return updated;
  }

  /** Records the partners' webhook in the outbox (idempotent per publication), then clears the flag. */
  private async notifyPublished(article: ArticleDoc, revision: RevisionDoc): Promise<void> {
    const id = String(article._id);
    await this.deps.outbox.add(
      'notifications',
      {
        kind: 'webhook',
        event: 'article.published',
        notificationId: `article.published.${id}.v${revision.version}`,
        payload: articleWebhookPayload(article, this.deps.publicBaseUrl),
      },
      { jobId: jobId('webhook', 'article-published', id, revision.version) },
    );
    await this.deps.models.revisions.updateOne(
      { _id: revision._id },
      { $set: { notifyPending: false } },
    );
  }

  private async enqueueScheduled(article: ArticleDoc): Promise<void> {
    const at = article.scheduledAt!;
    await this.deps.outbox.add(
      'content-publish',
      { articleId: String(article._id), scheduledAt: at.toISOString() },
      {
        jobId: publishJobId(String(article._id), at),
        delayMs: at.getTime() - this.now().getTime(),
      },
    );
  }

  /** Best effort: the old job would do nothing anyway, since the schedule no longer matches. */
  private async removeScheduledJob(articleId: Types.ObjectId, at: Date): Promise<void> {
    try {
      await this.deps.publishQueue.remove(publishJobId(String(articleId), at));
    } catch (err) {
      this.log.warn(
        { err, articleId: String(articleId) },
        'could not remove the replaced publish job',
      );
    }
  }

  /**
   * Claims version N+1 by inserting its revision, then moves the article from N to N+1.
   * A lost claim means someone else changed the article: CONFLICT.
   */
  private async commit(
    article: ArticleDoc,
    action: RevisionAction,
    by: ArticleAuthorValue | null,
    changes: Partial<ArticleDoc>,
    extra: { notifyPending?: boolean } = {},
  ): Promise<ArticleDoc> {
    const { articles, revisions } = this.deps.models;
    const now = this.now();
    const version = article.version + 1;
    const patch = { ...changes, version, updatedAt: now };
    const claimed = await insertOnce(revisions, {
      articleId: article._id,
      version,
      action,
      at: now,
      by,
      changes: diffFields(article as unknown as Record<string, unknown>, changes),
      patch,
      notifyPending: extra.notifyPending ?? false,
    });
    if (!claimed) {
      await this.rollForward(article).catch((err: unknown) =>
        this.log.error({ err, articleId: String(article._id) }, 'roll-forward failed'),
      );
      throw conflict('The article was changed by someone else at the same time; reload and retry');
    }
    let result: { matchedCount: number };
    try {
      result = await articles.updateOne(
        { _id: article._id, version: article.version },
        { $set: patch },
      );
    } catch (err) {
      // e.g. the new slug was taken meanwhile: give the version back, then report.
      await revisions.deleteOne({ articleId: article._id, version });
      if (isDuplicateKeyError(err)) throw conflict('A unique value (the slug) is taken');
      throw err;
    }
    if (result.matchedCount === 0) {
      await revisions.deleteOne({ articleId: article._id, version });
      throw conflict('The article was changed by someone else at the same time; reload and retry');
    }
    return { ...article, ...patch };
  }

  /** Applies a claimed revision whose writer died before applying it, so the article is not stuck. */
  private async rollForward(article: ArticleDoc): Promise<void> {
    const { articles, revisions } = this.deps.models;
    const claim = await revisions
      .findOne({ articleId: article._id, version: article.version + 1 })
      .lean<RevisionDoc>()
      .exec();
    if (!claim || this.now().getTime() - claim.at.getTime() < STALE_CLAIM_MS) return;
    const current = await articles.findById(article._id).lean<ArticleDoc>().exec();
    if (!current || current.version !== article.version) return;
    await articles.updateOne({ _id: article._id, version: article.version }, { $set: claim.patch });
    this.log.warn(
      { articleId: String(article._id), version: claim.version },
      'rolled forward a change whose writer stopped half-way',
    );
  }

  /** NOT_FOUND for a missing article and for one the viewer may not see (no leak of drafts). */
  private async load(id: string, viewer: Viewer): Promise<ArticleDoc> {
    if (!isObjectIdString(id)) throw notFound('Article');
    const article = await this.deps.models.articles.findById(id).lean<ArticleDoc>().exec();
    if (!article) throw notFound('Article');
    if (!isVisibleTo(viewer, article)) throw notFound('Article');
    return article;
  }

  private async assertCategory(categoryId: string): Promise<void> {
    if (!(await this.deps.models.categories.exists({ _id: categoryId })))
      throw badInput('input.categoryId', 'no such category');
  }
}

function authorOf(viewer: Viewer & { id: string }): ArticleAuthorValue;
function authorOf(viewer: Viewer): ArticleAuthorValue;
function authorOf(viewer: Viewer): ArticleAuthorValue {
  return { id: viewer.id!, displayName: viewer.displayName ?? viewer.id! };
}

function tokensOf(
  title: string,
  summary: string | null,
  body: string,
  tags: readonly string[],
): Pick<ArticleDoc, 'searchTokens' | 'titleTokens'> {
  return {
    searchTokens: searchTokens(title, summary, plainText(body), tags.join(' ')),
    titleTokens: searchTokens(title),
  };
}
