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
import { writeLog } from './moderation-log';
import { refreshThreadFact } from '../stats/thread-facts';

async function loadAny(deps: ForumDeps, id: string): Promise<ThreadDoc> {
  const thread = await deps.models.threads.findById(parseId(id, 'id')).lean();
  if (!thread) throw notFound('Thread');
  return thread;
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
  await deps.models.threads.updateOne({ _id: thread._id }, { $set: { assignedDepartment: code } });
  await refreshThreadFact(deps.models, thread._id, deps.logger);
  await writeLog(deps.models, {
    action: 'ASSIGN',
    targetId: id,
    targetKind: 'THREAD',
    actor: moderator,
    detail: code,
    at: now,
  });
  return { ...thread, assignedDepartment: code };
}

/** A moderator closes a thread to replies and answers. */
export async function closeThread(
  deps: ForumDeps,
  moderator: Viewer,
  id: string,
  rawNote: unknown,
  now = new Date(),
): Promise<ThreadDoc> {
  assertModerator(moderator);
  const { note } = parseArgs(noteArgs, { note: rawNote });
  const thread = await loadAny(deps, id);
  const next = closeTransition(thread.workflowStatus);
  await deps.models.threads.updateOne(
    { _id: thread._id },
    { $set: { workflowStatus: next.status, statusBeforeClose: next.before } },
  );
  await refreshThreadFact(deps.models, thread._id, deps.logger);
  await writeLog(deps.models, {
    action: 'CLOSE',
    targetId: id,
    targetKind: 'THREAD',
    actor: moderator,
    note,
    at: now,
  });
  return { ...thread, workflowStatus: next.status, statusBeforeClose: next.before };
}

/** A moderator reopens a closed thread, back to where it stood. */
export async function reopenThread(
  deps: ForumDeps,
  moderator: Viewer,
  id: string,
  rawNote: unknown,
  now = new Date(),
): Promise<ThreadDoc> {
  assertModerator(moderator);
  const { note } = parseArgs(noteArgs, { note: rawNote });
  const thread = await loadAny(deps, id);
  const status = reopenTransition(thread.workflowStatus, thread.statusBeforeClose);
  await deps.models.threads.updateOne(
    { _id: thread._id },
    { $set: { workflowStatus: status, statusBeforeClose: null } },
  );
  await refreshThreadFact(deps.models, thread._id, deps.logger);
  await writeLog(deps.models, {
    action: 'REOPEN',
    targetId: id,
    targetKind: 'THREAD',
    actor: moderator,
    note,
    at: now,
  });
  return { ...thread, workflowStatus: status, statusBeforeClose: null };
}
