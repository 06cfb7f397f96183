import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { badInput } from '@portal/errors';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import { isUnitCode } from '@portal/reference-data';
import { searchTokens } from '@portal/text';
import { contentFingerprint } from '../domain/body';
import { assertModerator, assertParticipant } from '../domain/permissions';
import {
  createThreadInput,
  editThreadInput,
  noteArgs,
  requireBody,
  tagKeys,
} from '../domain/thread-input';
import { closeTransition, reopenTransition } from '../domain/thread-transitions';
import { newThreadDoc, type ThreadDoc } from '../models';
import { recordNewThreadFact, refreshThreadFact } from '../stats/thread-facts';
import type { ContentWriting } from './content-writing';
import type { FollowService } from './follow.service';
import { loadThread } from './load-content';
import { writeLog, type LogEntry } from './moderation-log';
import type { ForumServiceOptions } from './service-options';

export interface ThreadServiceOptions extends ForumServiceOptions {
  writing: ContentWriting;
  follows: FollowService;
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

/**
 * Threads: people start and edit them; moderators assign them to a department, close and
 * reopen them.
 */
export class ThreadService {
  constructor(private readonly o: ThreadServiceOptions) {}

  /** A signed-in person starts a thread: sanitized, rate-limited, de-duplicated, followed. */
  async create(viewer: Viewer, raw: unknown): Promise<ThreadDoc> {
    assertParticipant(viewer);
    const input = parseInput(createThreadInput, raw);
    const { models, logger } = this.o;
    const now = this.o.now();
    const html = requireBody(input.body, input.bodyFormat, 'input.body');
    const tags = input.tags ?? [];
    const doc = newThreadDoc(
      {
        _id: new Types.ObjectId(),
        title: input.title,
        body: html,
        kind: input.kind,
        categoryId: input.categoryId ?? null,
        tags,
        tagKeys: tagKeys(tags),
        authorId: viewer.id,
        searchTokens: searchTokens(input.title, html, tags.join(' ')),
        feedbackId: null,
      },
      now,
    );
    const fingerprint = `${viewer.id}.threads.${contentFingerprint(input.title, html)}`;
    await this.o.writing.admit(
      viewer,
      { limit: 'threads', html, field: 'input.body', fingerprint },
      now,
      () => models.threads.create(doc),
    );
    await this.o.follows.byDefault(doc._id, viewer.id, now);
    await recordNewThreadFact(models, doc, logger);
    logger.info({ threadId: doc._id.toHexString(), kind: doc.kind }, 'thread created');
    return doc;
  }

  /** The author edits their thread's title, body or tags within the edit window. */
  async edit(viewer: Viewer, id: string, raw: unknown): Promise<ThreadDoc> {
    assertParticipant(viewer);
    const input = parseInput(editThreadInput, raw);
    const { writing } = this.o;
    const now = this.o.now();
    const thread = await writing.editable(viewer, 'Thread', id, now);
    let body = thread.body;
    if (input.body != null) {
      body = requireBody(input.body, input.bodyFormat, 'input.body');
      await writing.assertEditedLinks(viewer, { html: body, field: 'input.body' }, now);
    }
    const title = input.title ?? thread.title;
    const tags = input.tags ?? thread.tags;
    return writing.commitEdit(
      viewer,
      thread,
      {
        title,
        body,
        tags,
        tagKeys: tagKeys(tags),
        searchTokens: searchTokens(title, body, tags.join(' ')),
      },
      now,
    );
  }

  /** A moderator assigns a thread to the department (unit code) that must answer it. */
  async assign(moderator: Viewer, id: string, department: string): Promise<ThreadDoc> {
    assertModerator(moderator);
    const code = department.trim();
    if (!isUnitCode(code)) throw badInput('department', 'is not a unit code of the city directory');
    const thread = await loadThread(this.o.models, id);
    if (thread.assignedDepartment === code) return thread;
    return this.applyChange(
      moderator,
      thread,
      { assignedDepartment: code },
      { action: 'ASSIGN', targetId: id, detail: code },
    );
  }

  /** A moderator closes a thread to replies and answers. */
  close(moderator: Viewer, id: string, rawNote: unknown): Promise<ThreadDoc> {
    return this.changeWorkflow('CLOSE', moderator, id, rawNote);
  }

  /** A moderator reopens a closed thread, back to where it stood. */
  reopen(moderator: Viewer, id: string, rawNote: unknown): Promise<ThreadDoc> {
    return this.changeWorkflow('REOPEN', moderator, id, rawNote);
  }

  /** A moderator moves a thread's workflow by `action`, with an optional note. */
  private async changeWorkflow(
    action: keyof typeof WORKFLOW_CHANGES,
    moderator: Viewer,
    id: string,
    rawNote: unknown,
  ): Promise<ThreadDoc> {
    assertModerator(moderator);
    const { note } = parseArgs(noteArgs, { note: rawNote });
    const thread = await loadThread(this.o.models, id);
    return this.applyChange(moderator, thread, WORKFLOW_CHANGES[action](thread), {
      action,
      targetId: id,
      note,
    });
  }

  /** Sets a moderator's `changes` on the thread, refreshes its facts and logs the action. */
  private async applyChange(
    moderator: Viewer & { id: string },
    thread: ThreadDoc,
    changes: Partial<ThreadDoc>,
    log: Pick<LogEntry, 'action' | 'targetId' | 'note' | 'detail'>,
  ): Promise<ThreadDoc> {
    const { models, logger } = this.o;
    await models.threads.updateOne({ _id: thread._id }, { $set: changes });
    await refreshThreadFact(models, thread._id, logger);
    await writeLog(models, { ...log, targetKind: 'THREAD', actor: moderator, at: this.o.now() });
    return { ...thread, ...changes };
  }
}
