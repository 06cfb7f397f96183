import { hasRole, type Viewer } from '@portal/auth';
import { badInput, forbidden, unauthenticated } from '@portal/errors';
import type { ArticleStatus } from './article-enums';

/** The editorial workflow: which status changes exist and who may make them. */

export const TRANSITIONS: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  DRAFT: ['IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'],
  IN_REVIEW: ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'],
  // SCHEDULED → SCHEDULED is a reschedule.
  SCHEDULED: ['SCHEDULED', 'PUBLISHED', 'DRAFT', 'ARCHIVED'],
  PUBLISHED: ['DRAFT', 'ARCHIVED'],
  // An archived article goes back to DRAFT before anything else.
  ARCHIVED: ['DRAFT'],
};

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** BAD_USER_INPUT naming the transition when it does not exist. */
export function assertTransition(from: ArticleStatus, to: ArticleStatus): void {
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from].filter((s) => s !== from);
    throw badInput(
      'status',
      `${from} → ${to} is not an allowed transition (from ${from}: ${allowed.join(', ')})`,
    );
  }
}

/** Who may write content at all: contributors, editors, admins (admins hold every role). */
export function requireWriter(viewer: Viewer): asserts viewer is Viewer & { id: string } {
  if (!viewer.id) throw unauthenticated();
  if (!hasRole(viewer, 'contributor', 'editor'))
    throw forbidden('Requires role contributor or editor');
}

export function isEditor(viewer: Viewer): boolean {
  return viewer.id !== null && hasRole(viewer, 'editor');
}

interface OwnedArticle {
  status: ArticleStatus;
  author: { id: string };
}

function isAuthor(viewer: Viewer, article: OwnedArticle): boolean {
  return viewer.id !== null && viewer.id === article.author.id;
}

/** Editors and admins edit any article; contributors only their own drafts. */
export function assertCanEdit(viewer: Viewer, article: OwnedArticle): void {
  requireWriter(viewer);
  if (isEditor(viewer)) return;
  if (!isAuthor(viewer, article)) throw forbidden('Contributors may edit only their own articles');
  if (article.status !== 'DRAFT')
    throw forbidden(`Contributors may edit only drafts; this article is ${article.status}`);
}

/** The author (a contributor) or an editor submits a draft for review. */
export function assertCanSubmit(viewer: Viewer, article: OwnedArticle): void {
  requireWriter(viewer);
  if (!isEditor(viewer) && !isAuthor(viewer, article))
    throw forbidden('Only the author or an editor may submit this article');
}

/** Publishing, scheduling and archiving are editors' decisions. */
export function assertCanPublish(viewer: Viewer): void {
  if (!viewer.id) throw unauthenticated();
  if (!hasRole(viewer, 'editor')) throw forbidden('Requires role editor');
}

/** Editors send any article back to DRAFT; an author may withdraw their own submission. */
export function assertCanReturnToDraft(viewer: Viewer, article: OwnedArticle): void {
  requireWriter(viewer);
  if (isEditor(viewer)) return;
  if (isAuthor(viewer, article) && article.status === 'IN_REVIEW') return;
  throw forbidden('Only editors may return this article to draft');
}

/** What `publishArticle(at)` means at `now`: publish now (no `at`, or one in the past) or schedule. */
export type PublishPlan = { status: 'PUBLISHED' } | { status: 'SCHEDULED'; scheduledAt: Date };

export function planPublish(at: Date | null | undefined, now: Date): PublishPlan {
  if (!at || at.getTime() <= now.getTime()) return { status: 'PUBLISHED' };
  return { status: 'SCHEDULED', scheduledAt: at };
}

/** How far ahead an article may be scheduled. */
export const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600 * 1000;

export function assertSchedulable(plan: PublishPlan, now: Date): void {
  if (
    plan.status === 'SCHEDULED' &&
    plan.scheduledAt.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS
  )
    throw badInput('at', 'must be within a year from now');
}
