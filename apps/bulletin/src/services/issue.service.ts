import type { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { isDuplicateKeyError, paginate } from '@portal/db';
import { badInput, conflict, notFound } from '@portal/errors';
import { sanitizeRichText } from '@portal/html';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import type { Outbox, Producer } from '@portal/queue';
import type { ContentArticles } from '../content/content-articles';
import {
  addItemArgs,
  createIssueInput,
  issueIdArgs,
  removeItemArgs,
  scheduleArgs,
  updateIssueArgs,
  updateIssueInput,
} from '../domain/issue-input';
import {
  assertEditable,
  assertSchedulable,
  assertUnschedulable,
  isVisibleTo,
  requireBulletinEditor,
} from '../domain/issue-rules';
import { nextPosition, sectionKey } from '../domain/issue-sections';
import { publishJobId } from '../domain/publish-job';
import type { BulletinIssueRecord, BulletinModels, IssueStatus } from '../models';

export interface IssueServiceDeps {
  models: BulletinModels;
  content: ContentArticles;
  outbox: Outbox;
  /** To withdraw a replaced schedule's job (best effort: a stale job does nothing anyway). */
  publishProducer: Producer<'bulletin-publish'>;
  logger: Logger;
  now?: () => Date;
}

const NUMBER_ATTEMPTS = 8;

function cleanEditorial(html: string | null | undefined): string | null {
  if (html === undefined || html === null) return null;
  const clean = sanitizeRichText(html);
  return clean === '' ? null : clean;
}

/**
 * Everything editors and readers do with issues: the wiring between the rules in
 * domain/, the database, the content service and the publish queue. Editors' operations take
 * the viewer first and the raw arguments: who may call is decided before the input is read.
 */
export function createIssueService(deps: IssueServiceDeps) {
  const { issues, items } = deps.models;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ module: 'issues' });

  async function load(id: string): Promise<BulletinIssueRecord> {
    const issue = await issues.findById(id).lean();
    if (!issue) throw notFound('Bulletin issue');
    return issue;
  }

  /** Issues of one status, newest first (the archive). */
  function listIssues(options: {
    status: IssueStatus;
    year?: number | null;
    first?: number | null;
    after?: string | null;
  }) {
    return paginate(issues, {
      filter: { status: options.status, ...(options.year ? { year: options.year } : {}) },
      sort: [
        ['year', -1],
        ['month', -1],
        ['_id', -1],
      ],
      first: options.first,
      after: options.after,
    });
  }

  async function liveItemCount(issueId: Types.ObjectId): Promise<number> {
    return items.countDocuments({ issueId, droppedAt: null });
  }

  /** Marks the issue SCHEDULED at `at` and hands the publish job to the outbox. */
  async function scheduleAt(id: string, at: Date): Promise<BulletinIssueRecord> {
    const issue = await load(id);
    assertSchedulable(issue, await liveItemCount(issue._id));
    const updated = await issues.updateOne(
      { _id: issue._id, status: { $in: ['DRAFT', 'SCHEDULED'] } },
      { $set: { status: 'SCHEDULED', scheduledAt: at, updatedAt: now() }, $inc: { version: 1 } },
    );
    if (updated.matchedCount === 0) throw conflict('This issue was published meanwhile');
    // The database says SCHEDULED before the job exists, so a job that runs at once finds it so.
    // If this process dies in between, the worker's overdue sweep enqueues the job.
    await deps.outbox.add(
      'bulletin-publish',
      { issueId: id, scheduledAt: at.toISOString() },
      { jobId: publishJobId(id, at), delayMs: at.getTime() - now().getTime() },
    );
    if (issue.scheduledAt && issue.scheduledAt.getTime() !== at.getTime())
      await withdrawJob(publishJobId(id, issue.scheduledAt));
    log.info({ issueId: id, scheduledAt: at }, 'issue scheduled');
    return load(id);
  }

  async function withdrawJob(id: string): Promise<void> {
    try {
      await deps.publishProducer.remove(id);
    } catch (err) {
      log.warn(
        { err: (err as Error).message, jobId: id },
        'could not withdraw replaced publish job',
      );
    }
  }

  return {
    async create(viewer: Viewer, raw: unknown): Promise<BulletinIssueRecord> {
      requireBulletinEditor(viewer);
      const input = parseInput(createIssueInput, raw);
      const taken = () => issues.exists({ year: input.year, month: input.month });
      const monthTaken = () =>
        conflict(`There is already an issue for ${input.month}/${input.year}`);
      if (await taken()) throw monthTaken();
      // Numbers are sequential: the next after the highest, claimed by the unique index.
      for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
        const last = await issues.findOne({}, { number: 1 }).sort({ number: -1 }).lean();
        const at = now();
        try {
          const doc = await issues.create({
            number: (last?.number ?? 0) + 1,
            year: input.year,
            month: input.month,
            title: input.title,
            editorial: cleanEditorial(input.editorial),
            status: 'DRAFT',
            scheduledAt: null,
            publishedAt: null,
            readAloud: null,
            publication: null,
            version: 1,
            createdBy: viewer.id!,
            createdAt: at,
            updatedAt: at,
          });
          log.info({ issueId: doc.id, number: doc.number }, 'issue created');
          return doc.toObject();
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          if (await taken()) throw monthTaken();
          // Another editor took this number at the same moment: take the next one.
        }
      }
      throw conflict('Could not assign an issue number; please try again');
    },

    async update(
      viewer: Viewer,
      args: { id: unknown; input: unknown; expectedVersion: unknown },
    ): Promise<BulletinIssueRecord> {
      requireBulletinEditor(viewer);
      const { id, expectedVersion } = parseArgs(updateIssueArgs, args);
      const input = parseInput(updateIssueInput, args.input);
      const issue = await load(id);
      assertEditable(issue);
      const set: Partial<BulletinIssueRecord> = { updatedAt: now() };
      if (input.title !== undefined) set.title = input.title;
      if (input.editorial !== undefined) set.editorial = cleanEditorial(input.editorial);
      const updated = await issues.updateOne(
        { _id: issue._id, version: expectedVersion, status: { $ne: 'PUBLISHED' } },
        { $set: set, $inc: { version: 1 } },
      );
      if (updated.matchedCount === 0) {
        const current = await load(id);
        assertEditable(current);
        throw conflict(
          `The issue changed meanwhile (version ${current.version}, not ${expectedVersion}); reload and retry`,
        );
      }
      return load(id);
    },

    async addItem(viewer: Viewer, raw: unknown): Promise<BulletinIssueRecord> {
      requireBulletinEditor(viewer);
      const args = parseArgs(addItemArgs, raw);
      const issue = await load(args.issueId);
      assertEditable(issue);
      const published = await deps.content.findPublished([args.articleId]);
      if (!published.has(args.articleId)) throw badInput('articleId', 'is not a published article');
      const key = sectionKey(args.section);
      const siblings = await items
        .find({ issueId: issue._id, sectionKey: key }, { position: 1, sectionTitle: 1 })
        .lean();
      try {
        await items.create({
          issueId: issue._id,
          sectionKey: key,
          // A section keeps the title it was first given.
          sectionTitle: siblings[0]?.sectionTitle ?? args.section,
          position: nextPosition(siblings.map((s) => s.position)),
          articleId: args.articleId,
          note: args.note,
          droppedAt: null,
          createdBy: viewer.id!,
          createdAt: now(),
        });
      } catch (err) {
        if (isDuplicateKeyError(err)) throw conflict('This article is already in the issue');
        throw err;
      }
      const after = await load(args.issueId);
      if (after.status === 'PUBLISHED') {
        // Published while we were adding: the issue must stay as it went out.
        await items.deleteOne({ issueId: issue._id, articleId: args.articleId });
        throw conflict('This issue was published meanwhile and cannot change');
      }
      await issues.updateOne({ _id: issue._id }, { $set: { updatedAt: now() } });
      return load(args.issueId);
    },

    async removeItem(viewer: Viewer, raw: unknown): Promise<BulletinIssueRecord> {
      requireBulletinEditor(viewer);
      const { issueId, itemId } = parseArgs(removeItemArgs, raw);
      const issue = await load(issueId);
      assertEditable(issue);
      const removed = await items.deleteOne({ _id: itemId, issueId: issue._id });
      if (removed.deletedCount === 0) throw notFound('Bulletin item');
      await issues.updateOne({ _id: issue._id }, { $set: { updatedAt: now() } });
      return load(issueId);
    },

    schedule(viewer: Viewer, raw: unknown): Promise<BulletinIssueRecord> {
      requireBulletinEditor(viewer);
      const { id, at } = parseArgs(scheduleArgs(now()), raw);
      return scheduleAt(id, at);
    },

    /** The publish job without delay: the issue turns PUBLISHED as soon as the worker runs it. */
    publishNow(viewer: Viewer, raw: unknown): Promise<BulletinIssueRecord> {
      requireBulletinEditor(viewer);
      return scheduleAt(parseArgs(issueIdArgs, raw).id, now());
    },

    async unschedule(viewer: Viewer, raw: unknown): Promise<BulletinIssueRecord> {
      requireBulletinEditor(viewer);
      const { id } = parseArgs(issueIdArgs, raw);
      const issue = await load(id);
      assertUnschedulable(issue);
      const updated = await issues.updateOne(
        { _id: issue._id, status: 'SCHEDULED' },
        { $set: { status: 'DRAFT', scheduledAt: null, updatedAt: now() }, $inc: { version: 1 } },
      );
      if (updated.matchedCount === 0) throw conflict('This issue was published meanwhile');
      if (issue.scheduledAt) await withdrawJob(publishJobId(id, issue.scheduledAt));
      return load(id);
    },

    async findVisible(
      filter: { id: string } | { year: number; month: number },
      viewer: Viewer,
    ): Promise<BulletinIssueRecord | null> {
      const issue =
        'id' in filter
          ? await issues.findById(filter.id).lean()
          : await issues.findOne({ year: filter.year, month: filter.month }).lean();
      return issue && isVisibleTo(issue, viewer) ? issue : null;
    },

    /** The newest published issue: the archive's first entry (its page is kept, see paginate). */
    async latestPublished(): Promise<BulletinIssueRecord | null> {
      const page = await listIssues({ status: 'PUBLISHED', first: 1 });
      return page.nodes[0] ?? null;
    },

    list: listIssues,
  };
}

export type IssueService = ReturnType<typeof createIssueService>;
