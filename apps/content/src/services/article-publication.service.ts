import type { Logger } from '@portal/logger';
import { jobId, type Outbox, type Producer } from '@portal/queue';
import { articleWebhookPayload } from '../domain/article-public';
import { publishJobId } from '../domain/publish-job';
import type { ContentModels } from '../models';
import type { ArticleAuthorValue, ArticleDoc } from '../models/article.model';
import {
  STALE_CLAIM_MS,
  type ArticleRevisionRepository,
} from '../models/article-revision.repository';
import type { RevisionDoc } from '../models/revision.model';

export interface ArticlePublicationDeps {
  models: ContentModels;
  revisions: ArticleRevisionRepository;
  outbox: Outbox;
  /** For removing a replaced scheduled job; the outbox adds jobs. */
  publishQueue: Producer<'content-publish'>;
  /** WEB_BASE_URL: the article's page in partners' webhooks. */
  webBaseUrl: string;
  logger: Logger;
  now: () => Date;
}

/** A scheduled article this late was missed (e.g. its job was lost with Redis) and is published by the sweep. */
const OVERDUE_GRACE_MS = 60_000;

/**
 * Publication and its side effects: publishing now or on schedule, the scheduled job, the
 * partners' webhook (through the outbox), and the sweep that finishes whatever a crash
 * interrupted. Authorization is the caller's (ArticleService, or the job).
 */
export class ArticlePublicationService {
  private readonly now: () => Date;
  private readonly log: Logger;

  constructor(private readonly deps: ArticlePublicationDeps) {
    this.now = deps.now;
    this.log = deps.logger.child({ module: 'article-publication' });
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
        if (article) await this.deps.revisions.rollForward(article);
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

  /** Publishes `article` now (by an editor, or by its schedule when `by` is null), then tells partners. */
  async publishNow(article: ArticleDoc, by: ArticleAuthorValue | null): Promise<ArticleDoc> {
    const now = this.now();
    const updated = await this.deps.revisions.commit(
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
    if (by) await this.unschedule(article);
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
        payload: articleWebhookPayload(article, this.deps.webBaseUrl),
      },
      { jobId: jobId('webhook', 'article-published', id, revision.version) },
    );
    await this.deps.models.revisions.updateOne(
      { _id: revision._id },
      { $set: { notifyPending: false } },
    );
  }

  /** Records the publication job of a SCHEDULED article in the outbox. */
  async schedule(article: ArticleDoc): Promise<void> {
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

  /**
   * Removes the publication job of `article` as it was before a change, if it was SCHEDULED.
   * Best effort: the old job would do nothing anyway, since the schedule no longer matches.
   */
  async unschedule(article: ArticleDoc): Promise<void> {
    if (article.status !== 'SCHEDULED' || !article.scheduledAt) return;
    try {
      await this.deps.publishQueue.remove(publishJobId(String(article._id), article.scheduledAt));
    } catch (err) {
      this.log.warn(
        { err, articleId: String(article._id) },
        'could not remove the replaced publish job',
      );
    }
  }
}
