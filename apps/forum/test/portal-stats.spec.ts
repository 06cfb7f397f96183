// Portal statistics, the forum's parts: thread views on the real hot counter (flushed by the
// worker's maintenance job) and participation and responsiveness from real documents.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayEnd, dayKey, dayStart, portalStatsKey } from '@portal/db';
import { createLogger } from '@portal/logger';
import {
  EDITORS_AND_ADMINS_ONLY,
  errorCodes,
  expectErrorCodes,
  testViewer,
  viewsByDevice,
  viewsByRegion,
  viewsByReferrer,
} from '@portal/testing';
import { forumMaintenanceProcessor } from '../src/jobs/forum-maintenance.processor';
import { threadFactsStore } from '../src/stats/thread-facts';
import { contractOperation } from '@portal/local-services';
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

  it('reads the same figures from the month facts once they are built, and every write keeps them current', async () => {
    const stats = forum.server.services.stats;
    const editor = testViewer('editor');
    const store = threadFactsStore(forum.models);
    const november = {
      from: at('2025-11-01T00:00:00'),
      to: at('2025-12-01T00:00:00'),
      granularity: 'WEEK' as const,
    };
    const fromRecords = await stats.participationFromRecords(november);
    expect(fromRecords).toMatchObject({ threads: 5, answered: 3 });
    // Before the first build the records answer.
    expect(await store.builtAt()).toBeNull();
    expect(await stats.participation(editor, november)).toEqual(fromRecords);

    const maintenance = forumMaintenanceProcessor({
      models: forum.models,
      logger: createLogger({ service: 'test', level: 'silent' }),
    });
    expect(await maintenance({ task: 'sync-participation' })).toBe(6);
    expect(await store.builtAt()).toBeInstanceOf(Date);
    // November's document holds its five threads; October's thread is in October's.
    expect((await store.read(november.from, november.to)).map((f) => f.month)).toEqual(
      Array(5).fill('2025-11'),
    );
    expect(await stats.participation(editor, november)).toEqual(fromRecords);
    expect(await maintenance({ task: 'sync-participation' })).toBe(0);

    // A thread opened, assigned, answered and removed through the graph: after each write the
    // facts answer what the records do.
    const today = dayKey(new Date());
    const day = { from: dayStart(today), to: dayEnd(today), granularity: 'DAY' as const };
    const same = async () => {
      const facts = await stats.participation(editor, day);
      expect(facts).toEqual(await stats.participationFromRecords(day));
      return facts;
    };
    const opened = (await same()).threads;
    const author = testViewer('citizen', { id: 'nguoi-de-xuat' });
    const id = await newThread(forum, author, { kind: 'QUESTION' });
    expect(await same()).toMatchObject({ threads: opened + 1 });
    const moderator = testViewer('moderator', { id: 'kiem-duyet' });
    const assigned = await forum.call(moderator, contractOperation('AssignThread'), {
      id,
      department: 'SO-KHCN',
    });
    expect(assigned.errors).toBeUndefined();
    expect((await same()).departments).toContainEqual(
      expect.objectContaining({ department: 'SO-KHCN', open: 1, answered: 0 }),
    );
    // Closed, the assignment is no longer open; reopened, it is again.
    for (const [mutation, open] of [
      ['mutation($id: ID!) { closeThread(id: $id) { id } }', 0],
      ['mutation($id: ID!) { reopenThread(id: $id) { id } }', 1],
    ] as const) {
      expect((await forum.call(moderator, mutation, { id })).errors).toBeUndefined();
      const departments = (await same()).departments;
      expect(departments.find((d) => d.department === 'SO-KHCN')?.open ?? 0).toBe(open);
    }
    const officer = testViewer('officer', { id: 'can-bo-khcn', department: 'SO-KHCN' });
    const answered = await forum.call(officer, contractOperation('PostOfficialAnswer'), {
      threadId: id,
      body: '<p>Sở Khoa học và Công nghệ trả lời như sau.</p>',
    });
    expect(answered.errors).toBeUndefined();
    expect((await same()).departments).toContainEqual(
      expect.objectContaining({ department: 'SO-KHCN', open: 0, answered: 1 }),
    );
    const removed = await forum.call(moderator, contractOperation('ModerateContent'), {
      targetId: id,
      action: 'REMOVE',
      note: 'Trùng lặp',
    });
    expect(removed.errors).toBeUndefined();
    expect(await same()).toMatchObject({ threads: opened });

    // A fact whose write failed after its record's is repaired by the next sync.
    const [first] = await store.read(november.from, november.to);
    await store.put(first!.id, november.from, null);
    expect((await stats.participation(editor, november)).threads).toBe(4);
    expect(await maintenance({ task: 'sync-participation' })).toBe(1);
    expect(await stats.participation(editor, november)).toEqual(fromRecords);
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
      views: forum.server.services.stats.views.counter,
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
      byDevice: viewsByDevice({ DESKTOP: 1, MOBILE: 1 }),
      byRegion: viewsByRegion({ HCMC: 1, ABROAD: 1 }),
      byReferrer: viewsByReferrer({ SOCIAL: 1, BULLETIN: 1 }),
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
    await expectErrorCodes((who) => forum.call(who, ENTITIES, { r }), EDITORS_AND_ADMINS_ONLY);
    expect(
      errorCodes(
        await forum.call(testViewer('editor'), ENTITIES, {
          r: [{ __typename: 'PortalStats', id: 'nope' }],
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
