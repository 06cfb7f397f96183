// Portal statistics, the forum's parts: thread views on the real hot counter (flushed by the
// worker's maintenance job) and participation and responsiveness from real documents.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayEnd, dayKey, dayStart, portalStatsKey } from '@portal/db';
import { createLogger } from '@portal/logger';
import { errorCodes, testViewer } from '@portal/testing';
import { forumMaintenanceProcessor } from '../src/jobs/forum-maintenance.processor';
import { newThread, useForum } from './forum-harness';

const forum = useForum('forum-portal-stats');

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats {
  forumThreads { views uniqueReaders signedInViews byDevice { device views } byRegion { region views } byReferrer { referrer views } series { views uniqueReaders } }
  forumParticipation {
    threads answered answeredShare
    series { from proposals questions feedback discussions }
    departments { department answered medianHoursToAnswer p90HoursToAnswer open overdue }
  }
} } }`;
const VIEW = 'mutation($id: ID!, $view: PageViewInput!) { recordThreadView(id: $id, view: $view) }';

const at = (s: string) => new Date(`${s}+07:00`);
const HOUR = 3_600_000;

describe('portal statistics (forum)', () => {
  beforeAll(async () => {
    const { threads, posts } = forum.models;
    const thread = (
      kind: string,
      createdAt: Date,
      assignedDepartment: string | null,
      status = 'OPEN',
    ) => ({
      _id: new Types.ObjectId(),
      title: `Chủ đề ${kind}`,
      body: '<p>Nội dung</p>',
      kind,
      workflowStatus: status,
      visibility: 'VISIBLE',
      assignedDepartment,
      createdAt,
      lastActivityAt: createdAt,
    });
    const t1 = thread('PROPOSAL', at('2025-11-03T09:00:00'), 'SO-KHCN', 'ANSWERED');
    const t2 = thread('PROPOSAL', at('2025-11-04T09:00:00'), 'SO-KHCN', 'ANSWERED');
    const t3 = thread('QUESTION', at('2025-11-12T09:00:00'), 'SO-KHCN', 'ANSWERED');
    const t4 = thread('FEEDBACK', at('2025-11-12T10:00:00'), 'SO-YT');
    const t5 = thread('QUESTION', at('2025-11-20T08:00:00'), null);
    const t6 = thread('PROPOSAL', at('2025-10-20T08:00:00'), 'SO-YT', 'ANSWERED');
    await threads.create([t1, t2, t3, t4, t5, t6]);
    const answer = (
      t: { _id: Types.ObjectId; createdAt: Date },
      department: string,
      hours: number,
    ) => ({
      threadId: t._id,
      authorId: `officer-${department}`,
      body: '<p>Trả lời</p>',
      isOfficialAnswer: true,
      department,
      visibility: 'VISIBLE',
      createdAt: new Date(t.createdAt.getTime() + hours * HOUR),
    });
    await posts.create([
      answer(t1, 'SO-KHCN', 10),
      answer(t2, 'SO-KHCN', 30),
      // A second official answer does not change the time to the first.
      answer(t2, 'SO-KHCN', 50),
      answer(t3, 'SO-KHCN', 2),
      answer(t6, 'SO-YT', 24 * 13),
    ]);
  });

  it('counts threads per week by kind, the share answered, answer times and open assignments per department', async () => {
    const id = portalStatsKey({
      from: at('2025-11-01T00:00:00'),
      to: at('2025-12-01T00:00:00'),
      granularity: 'WEEK',
    });
    const res = await forum.call(testViewer('editor'), ENTITIES, {
      r: [{ __typename: 'PortalStats', id }],
    });
    expect(res.errors).toBeUndefined();
    const p = res.data?._entities[0].forumParticipation;
    expect(p).toMatchObject({ threads: 5, answered: 3, answeredShare: 0.6 });
    expect(p.series).toEqual([
      { from: '2025-10-31T17:00:00.000Z', proposals: 0, questions: 0, feedback: 0, discussions: 0 },
      { from: '2025-11-02T17:00:00.000Z', proposals: 2, questions: 0, feedback: 0, discussions: 0 },
      { from: '2025-11-09T17:00:00.000Z', proposals: 0, questions: 1, feedback: 1, discussions: 0 },
      { from: '2025-11-16T17:00:00.000Z', proposals: 0, questions: 1, feedback: 0, discussions: 0 },
      { from: '2025-11-23T17:00:00.000Z', proposals: 0, questions: 0, feedback: 0, discussions: 0 },
    ]);
    expect(p.departments).toEqual([
      {
        department: 'SO-KHCN',
        answered: 3,
        medianHoursToAnswer: 10,
        p90HoursToAnswer: 30,
        open: 0,
        overdue: 0,
      },
      {
        department: 'SO-YT',
        answered: 0,
        medianHoursToAnswer: null,
        p90HoursToAnswer: null,
        open: 1,
        overdue: 1,
      },
    ]);
  });

  it('counts thread views on the hot counter, flushed by the maintenance job', async () => {
    const id = await newThread(forum, testViewer('citizen', { id: 'tac-gia' }));
    const view = async (who: string, view: Record<string, unknown>) =>
      (await forum.call(testViewer('citizen', { id: who }), VIEW, { id, view })).data
        ?.recordThreadView;
    expect(
      await view('dan-1', { device: 'MOBILE', region: 'HCMC', referrer: 'https://zalo.me/x' }),
    ).toBe(true);
    expect(await view('dan-1', { device: 'MOBILE', region: 'HCMC' })).toBe(false);
    expect(await view('dan-2', { device: 'DESKTOP', region: 'ABROAD', campaign: 'ban-tin' })).toBe(
      true,
    );
    expect(
      errorCodes(
        await forum.call(null, VIEW, {
          id: new Types.ObjectId().toHexString(),
          view: { device: 'MOBILE' },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await forum.call(null, VIEW, { id, view: { device: 'FRIDGE' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const flush = forumMaintenanceProcessor({
      models: forum.models,
      logger: createLogger({ service: 'test', level: 'silent' }),
      views: forum.server.deps.stats.views.counter,
    });
    expect(await flush({ task: 'flush-views' })).toBe(1);
    const today = dayKey(new Date());
    const key = portalStatsKey({ from: dayStart(today), to: dayEnd(today), granularity: 'DAY' });
    const res = await forum.call(testViewer('admin'), ENTITIES, {
      r: [{ __typename: 'PortalStats', id: key }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities[0].forumThreads).toEqual({
      views: 2,
      uniqueReaders: 2,
      signedInViews: 2,
      byDevice: [
        { device: 'DESKTOP', views: 1 },
        { device: 'MOBILE', views: 1 },
        { device: 'TABLET', views: 0 },
      ],
      byRegion: [
        { region: 'HCMC', views: 1 },
        { region: 'OTHER_PROVINCE', views: 0 },
        { region: 'ABROAD', views: 1 },
        { region: 'UNKNOWN', views: 0 },
      ],
      byReferrer: [
        { referrer: 'SEARCH', views: 0 },
        { referrer: 'SOCIAL', views: 1 },
        { referrer: 'DIRECT', views: 0 },
        { referrer: 'BULLETIN', views: 1 },
        { referrer: 'PARTNER', views: 0 },
        { referrer: 'OTHER', views: 0 },
      ],
      series: [{ views: 2, uniqueReaders: 2 }],
    });
  });

  it('answers editors and admins only: anonymous → UNAUTHENTICATED, others → FORBIDDEN', async () => {
    const id = portalStatsKey({
      from: at('2025-11-01T00:00:00'),
      to: at('2025-12-01T00:00:00'),
      granularity: 'MONTH',
    });
    const r = [{ __typename: 'PortalStats', id }];
    expect(errorCodes(await forum.call(null, ENTITIES, { r }))).toEqual(['UNAUTHENTICATED']);
    for (const role of ['citizen', 'moderator', 'officer', 'contributor'] as const)
      expect(errorCodes(await forum.call(testViewer(role), ENTITIES, { r }))).toEqual([
        'FORBIDDEN',
      ]);
    expect(
      errorCodes(
        await forum.call(testViewer('editor'), ENTITIES, {
          r: [{ __typename: 'PortalStats', id: 'nope' }],
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
