import type { Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { assertModerator } from '../domain/permissions';
import { noteArgs } from '../domain/thread-input';
import { badInput, notFound } from '@portal/errors';
import { isUnitCode } from '@portal/reference-data';
import { parseId } from '../domain/ids';
import { closeTransition, reopenTransition } from '../domain/thread-transitions';
import type { ThreadDoc } from '../models';
import type { ForumDeps } from './deps';
import { writeLog, type LogEntry } from './moderation-log';
import { refreshThreadFact } from '../stats/thread-facts';

async function loadAny(deps: ForumDeps, id: string): Promise<ThreadDoc> {
  const thread = await deps.models.threads.findById(parseId(id, 'id')).lean();
  if (!thread) throw notFound('Thread');
  return thread;
}

/** Sets a moderator's `changes` on the thread, refreshes its facts and logs the action. */
async function applyThreadChange(
  deps: ForumDeps,
  moderator: Viewer & { id: string },
  thread: ThreadDoc,
  changes: Partial<ThreadDoc>,
  log: Pick<LogEntry, 'action' | 'targetId' | 'note' | 'detail' | 'at'>,
): Promise<ThreadDoc> {
  await deps.models.threads.updateOne({ _id: thread._id }, { $set: changes });
  await refreshThreadFact(deps.models, thread._id, deps.logger);
  await writeLog(deps.models, { ...log, targetKind: 'THREAD', actor: moderator });
  return { ...thread, ...changes };
}

/** A moderator assigns a thread to the department (unit code) that must answer it. */
export async function assignThread(
  deps: ForumDeps,
  moderator: Viewer,
  id: string,
  department: string,
  now = new Date(),
): Promise<ThreadDoc> {
  assertModerator(moderator);
  const code = department.trim();
  if (!isUnitCode(code)) throw badInput('department', 'is not a unit code of the city directory');
  const thread = await loadAny(deps, id);
  if (thread.assignedDepartment === code) return thread;
  return applyThreadChange(
    deps,
    moderator,
    thread,
    { assignedDepartment: code },
    { action: 'ASSIGN', targetId: id, detail: code, at: now },
  );
}

/** How closing and reopening move a thread's workflow (the transitions refuse what is not allowed). */
const WORKFLOW_CHANGES = {
  CLOSE: (thread: ThreadDoc) => {
    const next = closeTransition(thread.workflowStatus);
    return { workflowStatus: next.status, statusBeforeClose: next.before };
  },
  REOPEN: (thread: ThreadDoc) => ({
    workflowStatus: reopenTransition(thread.workflowStatus, thread.statusBeforeClose),
    statusBeforeClose: null,
  }),
} satisfies Record<'CLOSE' | 'REOPEN', (thread: ThreadDoc) => Partial<ThreadDoc>>;

/** The use case of a moderator moving a thread's workflow by `action`, with an optional note. */
function changeWorkflow(action: keyof typeof WORKFLOW_CHANGES) {
  return async (
    deps: ForumDeps,
    moderator: Viewer,
    id: string,
    rawNote: unknown,
    now = new Date(),
  ): Promise<ThreadDoc> => {
    assertModerator(moderator);
    const { note } = parseArgs(noteArgs, { note: rawNote });
    const thread = await loadAny(deps, id);
    return applyThreadChange(deps, moderator, thread, WORKFLOW_CHANGES[action](thread), {
      action,
      targetId: id,
      note,
      at: now,
    });
  };
}

/** A moderator closes a thread to replies and answers. */
export const closeThread = changeWorkflow('CLOSE');

/** A moderator reopens a closed thread, back to where it stood. */
export const reopenThread = changeWorkflow('REOPEN');
