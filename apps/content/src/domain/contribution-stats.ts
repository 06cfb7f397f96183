import { CONTRIBUTOR_ROLES, type ContributorRole } from './contributor-role';

/** One step of the editorial workflow taken in the period (a revision). */
export interface WorkflowStep {
  articleId: string;
  action: 'SUBMITTED' | 'PUBLISHED' | 'RETURNED_TO_DRAFT';
  /** Who took it (null: the scheduler). */
  byId: string | null;
  /** The status the article left (from the revision's recorded changes). */
  fromStatus: string | null;
}

export interface ArticleFacts {
  id: string;
  authorId: string;
  sourceUnit: string | null;
  contributorRole: ContributorRole | null;
}

export interface ContributionCounts {
  submitted: number;
  published: number;
  returned: number;
}

export type ContributorRoleOrUnknown = ContributorRole | 'UNKNOWN';

export interface ContributionStatsResult extends ContributionCounts {
  byUnit: (ContributionCounts & { unit: string | null })[];
  byRole: (ContributionCounts & { role: ContributorRoleOrUnknown })[];
}

type Measure = keyof ContributionCounts;

/** Which measure a step counts in, if any. */
function measureOf(step: WorkflowStep, article: ArticleFacts): Measure | null {
  if (step.action === 'SUBMITTED') return 'submitted';
  if (step.action === 'PUBLISHED') return 'published';
  // Returned: an editor sent a submission back; an author withdrawing their own is not.
  if (step.fromStatus === 'IN_REVIEW' && step.byId !== article.authorId) return 'returned';
  return null;
}

/**
 * Contributions over a period: the articles submitted for review, published, and returned to
 * their authors from review, each article counted once per measure however often it took the
 * step; by the article's source unit (null: none given) and by its author's contributor role
 * (UNKNOWN: written before roles were recorded). Roles are always all listed; units only
 * those with a contribution, sorted by code (null last).
 */
export function contributionStats(
  steps: readonly WorkflowStep[],
  articles: ReadonlyMap<string, ArticleFacts>,
): ContributionStatsResult {
  const seen: Record<Measure, Set<string>> = {
    submitted: new Set(),
    published: new Set(),
    returned: new Set(),
  };
  for (const step of steps) {
    const article = articles.get(step.articleId);
    if (!article) continue;
    const measure = measureOf(step, article);
    if (measure) seen[measure].add(step.articleId);
  }
  const zero = (): ContributionCounts => ({ submitted: 0, published: 0, returned: 0 });
  const total = zero();
  const units = new Map<string | null, ContributionCounts>();
  const roles = new Map<ContributorRoleOrUnknown, ContributionCounts>(
    [...CONTRIBUTOR_ROLES, 'UNKNOWN' as const].map((r) => [r, zero()]),
  );
  for (const measure of ['submitted', 'published', 'returned'] as const)
    for (const id of seen[measure]) {
      const a = articles.get(id)!;
      total[measure]++;
      if (!units.has(a.sourceUnit)) units.set(a.sourceUnit, zero());
      units.get(a.sourceUnit)![measure]++;
      roles.get(a.contributorRole ?? 'UNKNOWN')![measure]++;
    }
  const unitOrder = (x: string | null, y: string | null) =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  return {
    ...total,
    byUnit: [...units.keys()].sort(unitOrder).map((unit) => ({ unit, ...units.get(unit)! })),
    byRole: [...roles].map(([role, counts]) => ({ role, ...counts })),
  };
}
