import { requireServiceOrRole, type Viewer } from '@portal/auth';
import {
  createAudienceCounter,
  parsePortalStatsKey,
  statBuckets,
  type AudienceCounter,
  type AudienceStats,
  type CounterConnections,
  type PortalStatsPeriod,
} from '@portal/db';
import type { ForumModels } from '../models';
import { forumParticipation, type ForumParticipation, type ThreadFacts } from './participation';
import { decodeThreadFacts, threadFactsStore } from './thread-facts';

/** Thread page views on the shared hot counter (flushed by the forum worker). */
export function forumViewCounter(options: CounterConnections): AudienceCounter {
  return createAudienceCounter({
    ...options,
    name: 'forum:views',
    modelPrefix: 'ThreadView',
    collectionPrefix: 'thread_view',
    subjectField: 'threadId',
    subjectsField: 'threads',
    logger: options.logger.child({ module: 'thread-views' }),
  });
}

export interface ForumStatsRef extends PortalStatsPeriod {
  id: string;
}

/**
 * The forum's parts of the portal statistics, for editors and admins. Every method checks
 * the viewer: an `_entities` call reaches the fields without the query field.
 */
export class ForumStatsService {
  constructor(
    private readonly models: ForumModels,
    readonly views: AudienceCounter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  fromKey(viewer: Viewer, id: string): ForumStatsRef {
    requireServiceOrRole(viewer, 'editor');
    return { id, ...parsePortalStatsKey(id) };
  }

  threadViews(viewer: Viewer, p: PortalStatsPeriod): Promise<AudienceStats> {
    requireServiceOrRole(viewer, 'editor');
    return this.views.stats(p.from, p.to, p.granularity);
  }

  /**
   * Threads opened in the period by kind, the share answered, and per department the time to
   * a first official answer and the open assignments now. Read from the month facts
   * (thread-facts.ts) once they are built: every month's one document, since an assignment
   * still open may be older than the period. Else from the records (`participationFromRecords`,
   * the reference the tests and bench compare them with).
   */
  async participation(viewer: Viewer, p: PortalStatsPeriod): Promise<ForumParticipation> {
    requireServiceOrRole(viewer, 'editor');
    const store = threadFactsStore(this.models);
    const facts = await store.readWhenBuilt();
    if (!facts) return this.participationFromRecords(p);
    const { threads, answers, openAssigned } = decodeThreadFacts(facts);
    return forumParticipation({
      buckets: statBuckets(p.from, p.to, p.granularity),
      threads: threads.filter((t) => t.createdAt >= p.from && t.createdAt < p.to),
      answers,
      openAssigned,
      asOf: this.now(),
    });
  }

  /** The same figures from every thread opened in the period and every answer since. */
  async participationFromRecords(p: PortalStatsPeriod): Promise<ForumParticipation> {
    const [opened, openAssigned, answers] = await Promise.all([
      this.models.threads
        .find(
          { createdAt: { $gte: p.from, $lt: p.to }, visibility: { $ne: 'REMOVED' } },
          THREAD_FIELDS,
        )
        .lean()
        .exec(),
      // Assigned threads still without an official answer, whenever they were opened.
      this.models.threads
        .find(
          {
            workflowStatus: 'OPEN',
            assignedDepartment: { $ne: null },
            visibility: { $ne: 'REMOVED' },
          },
          THREAD_FIELDS,
        )
        .lean()
        .exec(),
      // Official answers given since the period began (an answer precedes no thread it answers).
      this.models.posts
        .find(
          { isOfficialAnswer: true, createdAt: { $gte: p.from } },
          { threadId: 1, department: 1, createdAt: 1 },
        )
        .lean()
        .exec(),
    ]);
    return forumParticipation({
      buckets: statBuckets(p.from, p.to, p.granularity),
      threads: opened.map(threadFacts),
      answers: answers.map((a) => ({
        threadId: String(a.threadId),
        department: a.department,
        createdAt: a.createdAt,
      })),
      openAssigned: openAssigned.map(threadFacts),
      asOf: this.now(),
    });
  }
}

const THREAD_FIELDS = { kind: 1, createdAt: 1, assignedDepartment: 1 } as const;

function threadFacts(t: {
  _id: unknown;
  kind: ThreadFacts['kind'];
  createdAt: Date;
  assignedDepartment: string | null;
}): ThreadFacts {
  return {
    id: String(t._id),
    kind: t.kind,
    createdAt: t.createdAt,
    assignedDepartment: t.assignedDepartment,
  };
}
