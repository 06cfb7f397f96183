import { Types } from 'mongoose';
import { MonthFacts, type CurrentFact } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ThreadKind } from '../domain/forum-types';
import type { ForumModels } from '../models';
import type { AnswerFacts, ThreadFacts } from './participation';

/**
 * What participation needs of one thread, kept in the month it was opened (libs/db
 * MonthFacts): its kind, opening, assigned department, first official answer, and whether it
 * is open (workflow status OPEN: an open assignment while it has a department). A removed
 * thread has none. Encoded `[kind, openedMs, department, answeredMs, answerDepartment, open]`.
 */
type Encoded = [ThreadKind, number, string | null, number | null, string | null, 0 | 1];

interface ThreadRecord {
  _id: Types.ObjectId;
  kind: ThreadKind;
  createdAt: Date;
  visibility: string;
  workflowStatus: string;
  assignedDepartment: string | null;
}

interface AnswerRecord {
  threadId: Types.ObjectId;
  department: string | null;
  createdAt: Date;
}

const THREAD_FIELDS = {
  kind: 1,
  createdAt: 1,
  visibility: 1,
  workflowStatus: 1,
  assignedDepartment: 1,
} as const;
const ANSWER_FIELDS = { threadId: 1, department: 1, createdAt: 1 } as const;

export function threadFactsStore(models: ForumModels): MonthFacts {
  return new MonthFacts(models.threads.db, 'thread_stat_facts');
}

function encode(thread: ThreadRecord, first: AnswerRecord | undefined): CurrentFact | null {
  if (thread.visibility === 'REMOVED') return null;
  const fact: Encoded = [
    thread.kind,
    thread.createdAt.getTime(),
    thread.assignedDepartment ?? null,
    first ? first.createdAt.getTime() : null,
    first ? (first.department ?? null) : null,
    thread.workflowStatus === 'OPEN' ? 1 : 0,
  ];
  return { at: thread.createdAt, fact: JSON.stringify(fact) };
}

/**
 * The threads and first answers the stored facts describe, as participation reads them, and
 * the open assignments among them.
 */
export function decodeThreadFacts(stored: readonly { id: string; fact: string }[]): {
  threads: ThreadFacts[];
  answers: AnswerFacts[];
  openAssigned: ThreadFacts[];
} {
  const threads: ThreadFacts[] = [];
  const answers: AnswerFacts[] = [];
  const openAssigned: ThreadFacts[] = [];
  for (const { id, fact } of stored) {
    const [kind, openedMs, department, answeredMs, answerDepartment, open] = JSON.parse(
      fact,
    ) as Encoded;
    const thread = { id, kind, createdAt: new Date(openedMs), assignedDepartment: department };
    threads.push(thread);
    if (open && department !== null) openAssigned.push(thread);
    if (answeredMs !== null)
      answers.push({ threadId: id, department: answerDepartment, createdAt: new Date(answeredMs) });
  }
  return { threads, answers, openAssigned };
}

/** Writes the fact of a thread just opened (no answer yet), without reading it back. */
export async function recordNewThreadFact(
  models: ForumModels,
  thread: ThreadRecord,
  logger?: Logger,
): Promise<void> {
  const current = encode(thread, undefined);
  await threadFactsStore(models)
    .put(thread._id.toHexString(), thread.createdAt, current?.fact ?? null)
    .catch((err: unknown) =>
      logger?.warn(
        { err, threadId: thread._id.toHexString() },
        'participation fact not written; the periodic sync repairs it',
      ),
    );
}

/**
 * Writes one thread's fact again from its records, after anything that changes it (opened,
 * assigned, answered, removed or restored). A failure is logged, not thrown: the thread's
 * own write has happened, and the periodic sync repairs the fact.
 */
export async function refreshThreadFact(
  models: ForumModels,
  threadId: string | Types.ObjectId,
  logger?: Logger,
): Promise<void> {
  const id = new Types.ObjectId(threadId);
  try {
    const [thread, first] = await Promise.all([
      models.threads.findById(id, THREAD_FIELDS).lean<ThreadRecord>().exec(),
      models.posts
        .findOne({ threadId: id, isOfficialAnswer: true }, ANSWER_FIELDS)
        .sort({ createdAt: 1 })
        .lean<AnswerRecord>()
        .exec(),
    ]);
    const store = threadFactsStore(models);
    if (!thread) return await store.remove(id.toHexString());
    const current = encode(thread, first ?? undefined);
    await store.put(id.toHexString(), thread.createdAt, current?.fact ?? null);
  } catch (err) {
    logger?.warn(
      { err, threadId: id.toHexString() },
      'participation fact not written; the periodic sync repairs it',
    );
  }
}

/** Every thread's fact, from all the records (the first build and the periodic check). */
async function factsFromRecords(models: ForumModels): Promise<Map<string, CurrentFact>> {
  const [threads, answers] = await Promise.all([
    models.threads.find({}, THREAD_FIELDS).lean<ThreadRecord[]>().exec(),
    models.posts.find({ isOfficialAnswer: true }, ANSWER_FIELDS).lean<AnswerRecord[]>().exec(),
  ]);
  const first = new Map<string, AnswerRecord>();
  for (const a of answers) {
    const key = String(a.threadId);
    const seen = first.get(key);
    if (!seen || a.createdAt < seen.createdAt) first.set(key, a);
  }
  const facts = new Map<string, CurrentFact>();
  for (const t of threads) {
    const id = t._id.toHexString();
    const fact = encode(t, first.get(id));
    if (fact) facts.set(id, fact);
  }
  return facts;
}

/**
 * Makes the stored facts match the records: builds them the first time, and repairs any a
 * failed write left behind (MonthFacts.reconcile). Returns how many facts changed.
 */
export async function syncThreadFacts(models: ForumModels, logger?: Logger): Promise<number> {
  const { changed, refreshed } = await threadFactsStore(models).reconcile(
    () => factsFromRecords(models),
    (id) => refreshThreadFact(models, id, logger),
  );
  if (changed || refreshed) logger?.info({ changed, refreshed }, 'participation facts synced');
  return changed;
}
