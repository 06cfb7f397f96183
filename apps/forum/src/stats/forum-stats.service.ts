import type { Redis } from 'ioredis';
import { requireServiceOrRole, type Viewer } from '@portal/auth';
import type { Connection } from 'mongoose';
import {
  createAudienceCounter,
  parsePortalStatsKey,
  statBuckets,
  type AudienceCounter,
  type AudienceStats,
  type PortalStatsPeriod,
} from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ForumModels } from '../models';
import { forumParticipation, type ForumParticipation } from './participation';

/** Thread page views on the shared hot counter (flushed by the forum worker). */
export function forumViewCounter(options: {
  conn: Connection;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
}): AudienceCounter {
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

  async participation(viewer: Viewer, p: PortalStatsPeriod): Promise<ForumParticipation> {
    requireServiceOrRole(viewer, 'editor');
    const { threads, posts } = this.models;
    const fields = { kind: 1, createdAt: 1, workflowStatus: 1, assignedDepartment: 1 };
    const [opened, openAssigned] = await Promise.all([
      threads
        .find({ createdAt: { $gte: p.from, $lt: p.to }, visibility: { $ne: 'REMOVED' } }, fields)
        .lean()
        .exec(),
      threads
        .find(
          {
            workflowStatus: 'OPEN',
            assignedDepartment: { $ne: null },
            visibility: { $ne: 'REMOVED' },
          },
          fields,
        )
        .lean()
        .exec(),
    ]);
    // Official answers given since the period began (an answer precedes no thread it answers).
    const answers = await posts
      .find(
        { isOfficialAnswer: true, createdAt: { $gte: p.from } },
        { threadId: 1, department: 1, createdAt: 1 },
      )
      .lean()
      .exec();
    const facts = (t: (typeof opened)[number]) => ({
      id: String(t._id),
      kind: t.kind,
      createdAt: t.createdAt,
      workflowStatus: t.workflowStatus,
      assignedDepartment: t.assignedDepartment,
    });
    const now = this.now();
    return forumParticipation({
      buckets: statBuckets(p.from, p.to, p.granularity),
      threads: opened.map(facts),
      answers: answers.map((a) => ({
        threadId: String(a.threadId),
        department: a.department,
        createdAt: a.createdAt,
      })),
      openAssigned: openAssigned.map(facts),
      asOf: now,
    });
  }
}
