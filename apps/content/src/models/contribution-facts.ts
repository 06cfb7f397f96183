import { Types } from 'mongoose';
import { MonthFacts, type CurrentFact } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ContributorRole } from '../domain/contributor-role';
import type { ArticleFacts, WorkflowStep } from '../domain/contribution-stats';
import type { ArticleDoc } from './article.model';
import type { ContentModels } from './index';
import type { RevisionDoc } from './revision.model';

/** The workflow steps the contributions part counts. */
export const COUNTED_ACTIONS = ['SUBMITTED', 'PUBLISHED', 'RETURNED_TO_DRAFT'] as const;

/** Article fields a step's fact carries: a change to one of them rewrites the article's facts. */
const ARTICLE_FIELDS = ['author', 'sourceUnit', 'contributorRole'] as const;

/**
 * What the contributions part needs of one counted step, kept in the month it was taken (libs/db
 * MonthFacts), keyed `<articleId>-<version>`: the step, who took it, the status it left, when,
 * and the article's author, source unit and contributor role (rewritten when those change).
 */
type Encoded = [
  WorkflowStep['action'],
  string | null,
  string | null,
  number,
  string,
  string | null,
  ContributorRole | null,
];

type Step = Pick<RevisionDoc, 'articleId' | 'version' | 'action' | 'at' | 'by' | 'changes'>;
type Article = Pick<ArticleDoc, '_id' | 'author' | 'sourceUnit' | 'contributorRole'>;
const STEP_FIELDS = { articleId: 1, version: 1, action: 1, at: 1, by: 1, changes: 1 } as const;
const ARTICLE_PROJECTION = { 'author.id': 1, sourceUnit: 1, contributorRole: 1 } as const;

export function contributionFactsStore(models: Pick<ContentModels, 'articles'>): MonthFacts {
  return new MonthFacts(models.articles.db, 'contribution_stat_facts');
}

function encode(step: Step, article: Article): CurrentFact & { id: string } {
  const fact: Encoded = [
    step.action as WorkflowStep['action'],
    step.by?.id ?? null,
    // Revisions written before changes were recorded (the demo seed's among them) have none.
    (step.changes ?? []).find((c) => c.field === 'status')?.from ?? null,
    step.at.getTime(),
    article.author.id,
    article.sourceUnit ?? null,
    article.contributorRole ?? null,
  ];
  return {
    id: `${String(step.articleId)}-${step.version}`,
    at: step.at,
    fact: JSON.stringify(fact),
  };
}

/** The steps taken in [from, to) and the articles they concern, as contributionStats reads them. */
export function decodeContributionFacts(
  stored: readonly { id: string; fact: string }[],
  from: Date,
  to: Date,
): { steps: WorkflowStep[]; articles: Map<string, ArticleFacts> } {
  const steps: WorkflowStep[] = [];
  const articles = new Map<string, ArticleFacts>();
  for (const { id, fact } of stored) {
    const [action, byId, fromStatus, atMs, authorId, sourceUnit, contributorRole] = JSON.parse(
      fact,
    ) as Encoded;
    if (atMs < from.getTime() || atMs >= to.getTime()) continue;
    const articleId = id.slice(0, id.lastIndexOf('-'));
    steps.push({ articleId, action, byId, fromStatus });
    articles.set(articleId, { id: articleId, authorId, sourceUnit, contributorRole });
  }
  return { steps, articles };
}

/** Whether a committed change alters the article's contribution facts. */
export function changesContributionFacts(
  action: string,
  changes: Readonly<Record<string, unknown>>,
): boolean {
  return (
    (COUNTED_ACTIONS as readonly string[]).includes(action) ||
    ARTICLE_FIELDS.some((field) => field in changes)
  );
}

/**
 * Writes the facts of every counted step of one article again from its records (after a step,
 * or a change of its author, unit or role). A failure is logged, not thrown: the article's
 * own change has happened, and the daily sync repairs the facts.
 */
export async function refreshContributionFacts(
  models: Pick<ContentModels, 'articles' | 'revisions'>,
  articleId: string | Types.ObjectId,
  logger?: Logger,
): Promise<void> {
  const _id = new Types.ObjectId(articleId);
  try {
    const [article, steps] = await Promise.all([
      models.articles.findById(_id, ARTICLE_PROJECTION).lean<Article>().exec(),
      models.revisions
        .find({ articleId: _id, action: { $in: [...COUNTED_ACTIONS] } }, STEP_FIELDS)
        .lean<Step[]>()
        .exec(),
    ]);
    if (!article) return;
    await contributionFactsStore(models).putMany(steps.map((s) => encode(s, article)));
  } catch (err) {
    logger?.warn(
      { err, articleId: _id.toHexString() },
      'contribution facts not written; the daily sync repairs them',
    );
  }
}

async function factsFromRecords(
  models: Pick<ContentModels, 'articles' | 'revisions'>,
): Promise<Map<string, CurrentFact>> {
  const [steps, articles] = await Promise.all([
    models.revisions
      .find({ action: { $in: [...COUNTED_ACTIONS] } }, STEP_FIELDS)
      .lean<Step[]>()
      .exec(),
    models.articles.find({}, ARTICLE_PROJECTION).lean<Article[]>().exec(),
  ]);
  const byId = new Map(articles.map((a) => [String(a._id), a]));
  const facts = new Map<string, CurrentFact>();
  for (const step of steps) {
    const article = byId.get(String(step.articleId));
    if (!article) continue;
    const { id, ...fact } = encode(step, article);
    facts.set(id, fact);
  }
  return facts;
}

/** Builds the facts the first time and repairs any a failed write left (MonthFacts.reconcile). */
export async function syncContributionFacts(
  models: Pick<ContentModels, 'articles' | 'revisions'>,
  logger?: Logger,
): Promise<number> {
  const { changed, refreshed } = await contributionFactsStore(models).reconcile(
    () => factsFromRecords(models),
    (id) => refreshContributionFacts(models, id.slice(0, id.lastIndexOf('-')), logger),
  );
  if (changed || refreshed) logger?.info({ changed, refreshed }, 'contribution facts synced');
  return changed;
}
