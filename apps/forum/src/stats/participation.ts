import type { StatBucket } from '@portal/db';
import { dayEnd, dayStart } from '@portal/db';
import type { ThreadKind } from '../domain/forum-types';

/** An assigned thread still without an official answer this long after it was opened is overdue. */
export const ANSWER_DUE_DAYS = 15;

export interface ThreadFacts {
  id: string;
  kind: ThreadKind;
  createdAt: Date;
  assignedDepartment: string | null;
}

export interface AnswerFacts {
  threadId: string;
  department: string | null;
  createdAt: Date;
}

export interface ThreadCountsBucket {
  from: Date;
  to: Date;
  proposals: number;
  questions: number;
  feedback: number;
  discussions: number;
}

export interface DepartmentResponsiveness {
  department: string;
  answered: number;
  medianHoursToAnswer: number | null;
  p90HoursToAnswer: number | null;
  open: number;
  overdue: number;
}

export interface ForumParticipation {
  threads: number;
  answered: number;
  answeredShare: number;
  series: ThreadCountsBucket[];
  departments: DepartmentResponsiveness[];
}

/** The value below which `q` of the sorted values lie (nearest rank), or null for none. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const HOUR = 3_600_000;
const KIND_FIELD: Record<ThreadKind, keyof Omit<ThreadCountsBucket, 'from' | 'to'>> = {
  PROPOSAL: 'proposals',
  QUESTION: 'questions',
  FEEDBACK: 'feedback',
  DISCUSSION: 'discussions',
};

/**
 * Participation and responsiveness over a period: threads opened per bucket by kind; the
 * share of them with an official answer; per department the median and 90th-percentile time
 * from a thread's opening to its first official answer (threads opened in the period), and
 * the assignments open (no official answer yet) and overdue (open past ANSWER_DUE_DAYS) at `asOf`.
 */
export function forumParticipation(input: {
  buckets: readonly StatBucket[];
  threads: readonly ThreadFacts[];
  answers: readonly AnswerFacts[];
  openAssigned: readonly ThreadFacts[];
  asOf: Date;
}): ForumParticipation {
  const series = input.buckets.map((b) => ({
    from: dayStart(b.firstDay),
    to: dayEnd(b.lastDay),
    proposals: 0,
    questions: 0,
    feedback: 0,
    discussions: 0,
  }));
  for (const t of input.threads) {
    const bucket = bucketOf(series, t.createdAt);
    if (bucket) bucket[KIND_FIELD[t.kind]]++;
  }
  const firstAnswer = new Map<string, AnswerFacts>();
  for (const a of input.answers) {
    const seen = firstAnswer.get(a.threadId);
    if (!seen || a.createdAt < seen.createdAt) firstAnswer.set(a.threadId, a);
  }
  const hours = new Map<string, number[]>();
  let answered = 0;
  for (const t of input.threads) {
    const a = firstAnswer.get(t.id);
    if (!a) continue;
    answered++;
    const dept = a.department ?? t.assignedDepartment ?? 'UNKNOWN';
    if (!hours.has(dept)) hours.set(dept, []);
    hours.get(dept)!.push((a.createdAt.getTime() - t.createdAt.getTime()) / HOUR);
  }
  const open = new Map<string, { open: number; overdue: number }>();
  const dueBefore = input.asOf.getTime() - ANSWER_DUE_DAYS * 24 * HOUR;
  for (const t of input.openAssigned) {
    const dept = t.assignedDepartment!;
    const o = open.get(dept) ?? { open: 0, overdue: 0 };
    o.open++;
    if (t.createdAt.getTime() < dueBefore) o.overdue++;
    open.set(dept, o);
  }
  const departments = [...new Set([...hours.keys(), ...open.keys()])].sort().map((department) => {
    const h = (hours.get(department) ?? []).sort((x, y) => x - y);
    return {
      department,
      answered: h.length,
      medianHoursToAnswer: quantile(h, 0.5),
      p90HoursToAnswer: quantile(h, 0.9),
      open: open.get(department)?.open ?? 0,
      overdue: open.get(department)?.overdue ?? 0,
    };
  });
  return {
    threads: input.threads.length,
    answered,
    answeredShare: input.threads.length === 0 ? 0 : answered / input.threads.length,
    series,
    departments,
  };
}

/** The bucket (in order, back to back) that holds `at`, by binary search; undefined outside them. */
function bucketOf<B extends { from: Date; to: Date }>(
  buckets: readonly B[],
  at: Date,
): B | undefined {
  let lo = 0;
  let hi = buckets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buckets[mid]!.to <= at) lo = mid + 1;
    else hi = mid;
  }
  const bucket = buckets[lo];
  return bucket && bucket.from <= at ? bucket : undefined;
}
