import type { Types } from 'mongoose';
import { requireRole, type Viewer } from '@portal/auth';
import type { PortalStatsPeriod } from '@portal/db';
import {
  contributionStats,
  type ArticleFacts,
  type ContributionStatsResult,
  type WorkflowStep,
} from '../domain/contribution-stats';
import type { ContentModels } from '../models';
import {
  COUNTED_ACTIONS,
  contributionFactsStore,
  decodeContributionFacts,
} from '../models/contribution-facts';

/**
 * The content subgraph's contributions part of the portal statistics, from the revision log:
 * for editors and admins (`contributions`), or the month-end report in process
 * (`readContributions`, no viewer).
 */
export class ContributionStatsService {
  constructor(private readonly models: Pick<ContentModels, 'articles' | 'revisions'>) {}

  async contributions(viewer: Viewer, p: PortalStatsPeriod): Promise<ContributionStatsResult> {
    requireRole(viewer, 'editor');
    return this.readContributions(p);
  }

  /**
   * From the month facts (models/contribution-facts.ts: the period's 12 or 13 month documents)
   * once they are built, else from the revision log (`contributionsFromRecords`, the reference
   * the tests and bench compare them with).
   */
  async readContributions(p: PortalStatsPeriod): Promise<ContributionStatsResult> {
    const store = contributionFactsStore(this.models);
    const facts = await store.readWhenBuilt(p);
    if (!facts) return this.contributionsFromRecords(p);
    const { steps, articles } = decodeContributionFacts(facts, p.from, p.to);
    return contributionStats(steps, articles);
  }

  async contributionsFromRecords(p: PortalStatsPeriod): Promise<ContributionStatsResult> {
    const revisions = await this.models.revisions
      .find(
        { action: { $in: [...COUNTED_ACTIONS] }, at: { $gte: p.from, $lt: p.to } },
        { _id: 0, articleId: 1, action: 1, by: 1, changes: 1 },
      )
      .lean()
      .exec();
    const ids = [...new Set(revisions.map((r) => String(r.articleId)))];
    // One `$in` read for every article the steps touch.
    const articles = ids.length
      ? await this.models.articles
          .find(
            { _id: { $in: ids } },
            { _id: 1, 'author.id': 1, sourceUnit: 1, contributorRole: 1 },
          )
          .lean()
          .exec()
      : [];
    const facts = new Map<string, ArticleFacts>(
      articles.map((a) => [
        String(a._id as Types.ObjectId),
        {
          id: String(a._id),
          authorId: a.author.id,
          sourceUnit: a.sourceUnit ?? null,
          contributorRole: a.contributorRole ?? null,
        },
      ]),
    );
    const steps: WorkflowStep[] = revisions.map((r) => ({
      articleId: String(r.articleId),
      action: r.action as WorkflowStep['action'],
      byId: r.by?.id ?? null,
      // Revisions written before changes were recorded (the demo seed's among them) have none.
      fromStatus: (r.changes ?? []).find((c) => c.field === 'status')?.from ?? null,
    }));
    return contributionStats(steps, facts);
  }
}
