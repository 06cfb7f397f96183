import { insertOnce, isDuplicateKeyError } from '@portal/db';
import { conflict } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { RevisionAction } from '../domain/article-enums';
import { diffFields } from '../domain/article-changes';
import type { ArticleAuthorValue, ArticleDoc } from './article.model';
import { changesContributionFacts, refreshContributionFacts } from './contribution-facts';
import type { ContentModels } from './index';
import type { RevisionDoc } from './revision.model';

/** A writer whose claimed revision was never applied is presumed dead after this long. */
export const STALE_CLAIM_MS = 30_000;

/**
 * Versioned writes of an article: every change claims the next version by inserting its
 * revision (unique per article and version), then applies its patch with a version-guarded
 * update. A writer that died between the two is rolled forward by the next one (or the sweep).
 */
export class ArticleRevisionRepository {
  constructor(
    private readonly models: ContentModels,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {}

  /**
   * Claims version N+1 by inserting its revision, then moves the article from N to N+1.
   * A lost claim means someone else changed the article: CONFLICT.
   */
  async commit(
    article: ArticleDoc,
    action: RevisionAction,
    by: ArticleAuthorValue | null,
    changes: Partial<ArticleDoc>,
    extra: { notifyPending?: boolean } = {},
  ): Promise<ArticleDoc> {
    const { articles, revisions } = this.models;
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
    if (changesContributionFacts(action, changes))
      await refreshContributionFacts(this.models, article._id, this.log);
    return { ...article, ...patch };
  }

  /** Applies a claimed revision whose writer died before applying it, so the article is not stuck. */
  async rollForward(article: ArticleDoc): Promise<void> {
    const { articles, revisions } = this.models;
    const claim = await revisions
      .findOne({ articleId: article._id, version: article.version + 1 })
      .lean<RevisionDoc>()
      .exec();
    if (!claim || this.now().getTime() - claim.at.getTime() < STALE_CLAIM_MS) return;
    const current = await articles.findById(article._id).lean<ArticleDoc>().exec();
    if (!current || current.version !== article.version) return;
    await articles.updateOne({ _id: article._id, version: article.version }, { $set: claim.patch });
    if (changesContributionFacts(claim.action, claim.patch))
      await refreshContributionFacts(this.models, article._id, this.log);
    this.log.warn(
      { articleId: String(article._id), version: claim.version },
      'rolled forward a change whose writer stopped half-way',
    );
  }
}
