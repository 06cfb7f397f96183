import { hasRole, requireRole, type Viewer } from '@portal/auth';
import { badInput, conflict, forbidden } from '@portal/errors';
import type { IssueStatus } from '../models/bulletin-issue.model';

/** The rules of an issue's life: DRAFT ⇄ SCHEDULED → PUBLISHED, and who may do what. */

interface IssueState {
  status: IssueStatus;
  scheduledAt: Date | null;
}

/** Editors (and admins) make the bulletin. */
export function requireBulletinEditor(viewer: Viewer): void {
  requireRole(viewer, 'editor');
}

export function canSeeUnpublished(viewer: Viewer): boolean {
  return hasRole(viewer, 'editor');
}

/** The public sees published issues only; editors see every issue. */
export function isVisibleTo(issue: IssueState, viewer: Viewer): boolean {
  return issue.status === 'PUBLISHED' || canSeeUnpublished(viewer);
}

/** Which status a listing shows: PUBLISHED unless an editor asks for another. */
export function listingStatus(
  requested: IssueStatus | null | undefined,
  viewer: Viewer,
): IssueStatus {
  const status = requested ?? 'PUBLISHED';
  if (status !== 'PUBLISHED' && !canSeeUnpublished(viewer))
    throw forbidden('Only editors see unpublished issues');
  return status;
}

/** A published issue is a record of what went out: it never changes. */
export function assertEditable(issue: IssueState): void {
  if (issue.status === 'PUBLISHED')
    throw conflict('This issue is already published and cannot change');
}

/** Scheduling (or publishing now) needs an unpublished issue with at least one item. */
export function assertSchedulable(issue: IssueState, itemCount: number): void {
  assertEditable(issue);
  if (itemCount === 0) throw badInput('id', 'the issue has no items yet; add articles first');
}

export function assertUnschedulable(issue: IssueState): void {
  if (issue.status !== 'SCHEDULED') throw conflict('Only a scheduled issue can be unscheduled');
}

export type PublishDecision =
  /** The job is for the issue's current schedule: publish it. */
  | { action: 'publish' }
  /** Already published: finish any follow-up step a crashed run left undone, else nothing. */
  | { action: 'resume' }
  /** The job no longer applies (rescheduled, unscheduled, or unknown issue). */
  | { action: 'skip'; reason: string };

/**
 * Whether a `bulletin-publish` job for `scheduledAt` applies to the issue now. Jobs carry the
 * time they were scheduled for, so a job left over from an earlier schedule does nothing.
 */
export function decidePublish(
  issue: IssueState | null,
  scheduledAt: string | null,
): PublishDecision {
  if (!issue) return { action: 'skip', reason: 'issue not found' };
  if (issue.status === 'PUBLISHED') return { action: 'resume' };
  if (issue.status !== 'SCHEDULED') return { action: 'skip', reason: `issue is ${issue.status}` };
  if (scheduledAt === null) return { action: 'publish' };
  if (issue.scheduledAt?.getTime() !== new Date(scheduledAt).getTime())
    return { action: 'skip', reason: 'issue was rescheduled' };
  return { action: 'publish' };
}
