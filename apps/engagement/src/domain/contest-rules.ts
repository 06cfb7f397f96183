import { hasRole, type Viewer } from '@portal/auth';
import type { ShowcaseAward } from '@portal/queue';
import type { RoundKind } from './contest-input';

export interface Round {
  id: string;
  kind: RoundKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Criterion {
  id: string;
  name: string;
  weight: number;
  maxScore: number;
}

export function isContestEditor(viewer: Viewer): boolean {
  return hasRole(viewer, 'editor');
}

/** Published contests are public; editors also see the ones they are preparing. */
export function canSeeContest(viewer: Viewer, contest: { status: 'DRAFT' | 'PUBLISHED' }): boolean {
  return contest.status === 'PUBLISHED' || isContestEditor(viewer);
}

/** The round running at `now`, if any. */
export function currentRound(rounds: readonly Round[], now: Date): Round | null {
  return rounds.find((r) => r.startsAt <= now && now < r.endsAt) ?? null;
}

/** Entries are accepted and edited while a submission round runs. */
export function submissionOpen(rounds: readonly Round[], now: Date): boolean {
  return currentRound(rounds, now)?.kind === 'SUBMISSION';
}

/** A person first seen less than `days` ago is a new account (the forum's rule). */
export function isNewAccount(firstSeenAt: Date | null, now: Date, days: number): boolean {
  if (!firstSeenAt) return days > 0;
  return now.getTime() - firstSeenAt.getTime() < days * 86_400_000;
}

/**
 * One judge's weighted score of an entry as a share of the best possible (0–100): each
 * criterion's score over its maximum, weighted.
 */
export function weightedScore(
  criteria: readonly Criterion[],
  scores: readonly { criterionId: string; score: number }[],
): number {
  const given = new Map(scores.map((s) => [s.criterionId, s.score]));
  let total = 0;
  let weights = 0;
  for (const c of criteria) {
    weights += c.weight;
    total += ((given.get(c.id) ?? 0) / c.maxScore) * c.weight;
  }
  return weights ? Math.round((total / weights) * 10_000) / 100 : 0;
}

/** The showcase award a prize rank stands for (first, second, third; consolation after). */
export function awardForRank(rank: number): ShowcaseAward {
  if (rank === 1) return 'FIRST';
  if (rank === 2) return 'SECOND';
  if (rank === 3) return 'THIRD';
  return 'CONSOLATION';
}

/** The year a contest's results were published, in Ho Chi Minh City (UTC+7). */
export function resultsYear(publishedAt: Date): number {
  return new Date(publishedAt.getTime() + 7 * 3600 * 1000).getUTCFullYear();
}
