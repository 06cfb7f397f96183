import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, testViewer } from '@portal/testing';
import { CREATE_CONTEST, PUBLISH_CONTEST } from './support/contests';
import { dataOf, useEngagement } from './support/harness';

const e = useEngagement('eng_contests', { newAccountDays: 3 });
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const editor = testViewer('editor', { id: 'editor-1' });
const judge1 = testViewer('citizen', { id: 'judge-1', displayName: 'GS. Trần Văn Giám Khảo' });
const judge2 = testViewer('citizen', { id: 'judge-2', displayName: 'TS. Lê Thị Hội Đồng' });
const person = (n: number) =>
  testViewer('citizen', { id: `team-${n}`, displayName: `Trưởng nhóm ${n}` });
const FILE = '65b000000000000000000001';

function contestInput(overrides: Record<string, unknown> = {}) {
  const t = e.clock.now().getTime();
  const at = (ms: number) => new Date(t + ms).toISOString();
  return {
    title: 'Cuộc thi Ý tưởng chuyển đổi số Thành phố 2026',
    rules: 'Mỗi đội gửi một bài dự thi gồm mô tả giải pháp và tài liệu kèm theo trước hạn.',
    eligibility: 'Công dân, doanh nghiệp và tổ chức đang hoạt động tại Thành phố.',
    rounds: [
      { kind: 'SUBMISSION', title: 'Nhận bài dự thi', startsAt: at(-HOUR), endsAt: at(DAY) },
      { kind: 'JUDGING', title: 'Chấm sơ khảo', startsAt: at(DAY), endsAt: at(2 * DAY) },
      {
        kind: 'PUBLIC_VOTE',
        title: 'Bình chọn trực tuyến',
        startsAt: at(2 * DAY),
        endsAt: at(3 * DAY),
      },
    ],
    criteria: [
      { name: 'Tính sáng tạo', weight: 2, maxScore: 10 },
      { name: 'Khả năng triển khai', weight: 1, maxScore: 5 },
    ],
    prizes: [
      { rank: 1, title: 'Giải Nhất', description: '50 triệu đồng' },
      { rank: 2, title: 'Giải Nhì' },
    ],
    ...overrides,
  };
}

const entryInput = (title: string) => ({
  title,
  description: 'Giải pháp dùng dữ liệu mở để gợi ý tuyến xe buýt cho người dân.',
  fileIds: [FILE],
  team: [{ name: 'Nguyễn Minh Khoa', role: 'Trưởng nhóm' }, { name: 'Phạm Thu Hà' }],
});

const SUBMIT = `mutation($c: ID!, $input: ContestEntryInput!) { submitContestEntry(contestId: $c, input: $input) { id title fileIds team { name role } } }`;
const UPDATE = `mutation($id: ID!, $input: ContestEntryInput!) { updateContestEntry(entryId: $id, input: $input) { id title } }`;
const SCORE = `mutation($id: ID!, $scores: [CriterionScoreInput!]!) { scoreContestEntry(entryId: $id, scores: $scores) { weighted scores { criterionId score } } }`;
const VOTE = `mutation($id: ID!) { voteForContestEntry(entryId: $id) { id } }`;
const STANDINGS = `query($id: ID!) { contest(id: $id) { resultsPublishedAt standings { entry { title } judgeScore votes }
  winners { rank prize { title } entry { title } } } }`;

let contestId: string;
let entryA: string;
let entryB: string;

beforeAll(async () => {
  // Long-standing people, except person 9, who is new.
  await e.models.Profile.insertMany(
    [1, 2, 3, 4, 5].map((n) => ({
      _id: `team-${n}`,
      firstSeenAt: new Date(e.clock.now().getTime() - 30 * DAY),
    })),
  );
});

describe('contests', () => {
  it('are built by editors, who are checked before their input', async () => {
    const create = `mutation($input: ContestInput!) { createContest(input: $input) { id status rounds { id kind } criteria { id } } }`;
    const bad = { title: '', rules: '', eligibility: '', rounds: [] };
    expect(errorCodes(await e.call(person(1), create, { input: bad }))).toEqual(['FORBIDDEN']);
    const invalid = await e.call(editor, create, {
      input: contestInput({
        criteria: [],
        rounds: [
          ...contestInput().rounds.slice(0, 1),
          { ...contestInput().rounds[1], startsAt: contestInput().rounds[0]!.startsAt },
        ],
      }),
    });
    expect(invalid.errors![0]!.extensions!.fields.map((f: any) => f.field).sort()).toEqual([
      'input.criteria',
      'input.rounds.1.startsAt',
    ]);
    const created = dataOf(
      await e.call(editor, create, { input: contestInput() }),
      'createContest',
    );
    expect(created.rounds.map((r: any) => r.id)).toEqual(['r1', 'r2', 'r3']);
    contestId = created.id;
    expect(
      (await e.call(person(1), `query($id: ID!) { contest(id: $id) { id } }`, { id: contestId }))
        .data?.contest,
    ).toBeNull();
    await e.call(editor, PUBLISH_CONTEST, {
      id: contestId,
    });
    const judges = dataOf(
      await e.call(
        editor,
        `mutation($c: ID!, $j: [ID!]!) { assignContestJudges(contestId: $c, judgeIds: $j) { currentRound { kind } } }`,
        { c: contestId, j: ['judge-1', 'judge-2'] },
      ),
      'assignContestJudges',
    );
    expect(judges.currentRound).toEqual({ kind: 'SUBMISSION' });
  });

  it('takes one entry per person, editable by its owner until the deadline', async () => {
    const a = dataOf(
      await e.call(person(1), SUBMIT, { c: contestId, input: entryInput('Xe buýt thông minh') }),
      'submitContestEntry',
    );
    expect(a).toMatchObject({
      fileIds: [FILE],
      team: [
        { name: 'Nguyễn Minh Khoa', role: 'Trưởng nhóm' },
        { name: 'Phạm Thu Hà', role: null },
      ],
    });
    entryA = a.id;
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () =>
        e.call(person(2), SUBMIT, { c: contestId, input: entryInput('Bản đồ ngập nước') }),
      ),
    );
    expect(parallel.filter((r) => r.data?.submitContestEntry)).toHaveLength(1);
    expect(parallel.flatMap(errorCodes)).toEqual(Array(4).fill('CONFLICT'));
    entryB = parallel.find((r) => r.data?.submitContestEntry)!.data!.submitContestEntry.id;
    expect(
      errorCodes(
        await e.call(judge1, SUBMIT, { c: contestId, input: entryInput('Bài của giám khảo') }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await e.call(person(1), SUBMIT, {
          c: contestId,
          input: { ...entryInput('X'), fileIds: ['../etc/passwd'] },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    expect(
      dataOf(
        await e.call(person(1), UPDATE, {
          id: entryA,
          input: entryInput('Xe buýt thông minh 2.0'),
        }),
        'updateContestEntry',
      ).title,
    ).toBe('Xe buýt thông minh 2.0');
    expect(
      errorCodes(await e.call(person(2), UPDATE, { id: entryA, input: entryInput('Chiếm bài') })),
    ).toEqual(['FORBIDDEN']);
    e.clock.advance(DAY);
    expect(
      errorCodes(await e.call(person(1), UPDATE, { id: entryA, input: entryInput('Quá hạn') })),
    ).toEqual(['CONFLICT']);
  });

  it('lets judges score on the criteria, hidden from contestants, and honours conflicts of interest', async () => {
    expect(
      errorCodes(
        await e.call(person(1), SCORE, { id: entryB, scores: [{ criterionId: 'c1', score: 10 }] }),
      ),
    ).toEqual(['FORBIDDEN']);
    const tooHigh = await e.call(judge1, SCORE, {
      id: entryA,
      scores: [
        { criterionId: 'c2', score: 6 },
        { criterionId: 'c9', score: 1 },
      ],
    });
    expect(tooHigh.errors![0]!.extensions!.fields.map((f: any) => f.field)).toEqual([
      'scores.0.score',
      'scores.1.criterionId',
    ]);

    // A judge's scores of an entry on both criteria, accepted.
    const score = async (judge: typeof judge1, id: string, c1: number, c2: number) =>
      dataOf(
        await e.call(judge, SCORE, {
          id,
          scores: [
            { criterionId: 'c1', score: c1 },
            { criterionId: 'c2', score: c2 },
          ],
        }),
        'scoreContestEntry',
      );
    // 8/10 weighted 2 and 3/5 weighted 1: (0.8·2 + 0.6·1) / 3 = 73.33.
    const scored = await score(judge1, entryA, 8, 3);
    expect(scored.weighted).toBe(73.33);
    await score(judge1, entryB, 10, 5);
    await score(judge2, entryA, 2, 1);

    const declare = `mutation($id: ID!) { declareConflictOfInterest(entryId: $id, reason: "Người thân của trưởng nhóm") { myConflictDeclared } }`;
    expect(
      dataOf(await e.call(judge2, declare, { id: entryA }), 'declareConflictOfInterest'),
    ).toEqual({ myConflictDeclared: true });
    expect(
      errorCodes(
        await e.call(judge2, SCORE, { id: entryA, scores: [{ criterionId: 'c1', score: 1 }] }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await e.models.JudgeScore.countDocuments({ entryId: entryA })).toBe(1);

    const contestant = await e.call(
      person(1),
      `query($id: ID!) { contest(id: $id) { standings { judgeScore } myEntry { myScore { weighted } } } }`,
      {
        id: contestId,
      },
    );
    expect(contestant.data?.contest).toEqual({ standings: null, myEntry: { myScore: null } });
    const editorView = dataOf(await e.call(editor, STANDINGS, { id: contestId }), 'contest');
    expect(editorView.standings.map((s: any) => [s.entry.title, s.judgeScore])).toEqual([
      ['Bản đồ ngập nước', 100],
      ['Xe buýt thông minh 2.0', 73.33],
    ]);
  });

  it('takes one public vote per person per round, not from new accounts', async () => {
    expect(errorCodes(await e.call(person(3), VOTE, { id: entryA }))).toEqual(['CONFLICT']); // not open yet
    e.clock.advance(DAY);
    const parallel = await Promise.all(
      Array.from({ length: 6 }, () => e.call(person(3), VOTE, { id: entryB })),
    );
    expect(parallel.filter((r) => r.data?.voteForContestEntry)).toHaveLength(1);
    expect(parallel.flatMap(errorCodes)).toEqual(Array(5).fill('CONFLICT'));
    await e.call(person(4), VOTE, { id: entryA });
    await e.call(person(5), VOTE, { id: entryA });
    expect(errorCodes(await e.call(null, VOTE, { id: entryA }))).toEqual(['UNAUTHENTICATED']);
    const newcomer = testViewer('citizen', { id: 'team-9' });
    expect(errorCodes(await e.call(newcomer, VOTE, { id: entryA }))).toEqual(['FORBIDDEN']);
    const mine = await e.call(person(4), `query($id: ID!) { contest(id: $id) { myVoteEntryId } }`, {
      id: contestId,
    });
    expect(mine.data?.contest.myVoteEntryId).toBe(entryA);
  });

  it('publishes results with winners and prizes; scores and votes become public', async () => {
    const publish = `mutation($c: ID!, $w: [ContestWinnerInput!]!) { publishContestResults(contestId: $c, winners: $w) { id } }`;
    expect(errorCodes(await e.call(judge1, publish, { c: contestId, w: [] }))).toEqual([
      'FORBIDDEN',
    ]);
    const wrong = await e.call(editor, publish, {
      c: contestId,
      w: [{ entryId: '65b0000000000000000000ff', rank: 1 }],
    });
    expect(wrong.errors![0]!.extensions!.fields).toEqual([
      { field: 'winners.0.entryId', message: 'is not an entry of this contest' },
    ]);
    dataOf(
      await e.call(editor, publish, {
        c: contestId,
        w: [
          { entryId: entryB, rank: 1 },
          { entryId: entryA, rank: 2 },
        ],
      }),
      'publishContestResults',
    );
    const results = dataOf(await e.call(null, STANDINGS, { id: contestId }), 'contest');
    expect(results.winners).toEqual([
      { rank: 1, prize: { title: 'Giải Nhất' }, entry: { title: 'Bản đồ ngập nước' } },
      { rank: 2, prize: { title: 'Giải Nhì' }, entry: { title: 'Xe buýt thông minh 2.0' } },
    ]);
    expect(results.standings).toEqual([
      { entry: { title: 'Bản đồ ngập nước' }, judgeScore: 100, votes: 1 },
      { entry: { title: 'Xe buýt thông minh 2.0' }, judgeScore: 73.33, votes: 2 },
    ]);
  });

  it('resolves many contest and entry references with one query each; drafts stay hidden', async () => {
    const draft = dataOf(
      await e.call(editor, CREATE_CONTEST, { input: contestInput() }),
      'createContest',
    );
    e.commands.length = 0;
    const res = await e.call(
      null,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Contest { id } ... on ContestEntry { title } } }`,
      {
        r: [
          { __typename: 'Contest', id: contestId },
          { __typename: 'Contest', id: draft.id },
          { __typename: 'ContestEntry', id: entryA },
          { __typename: 'ContestEntry', id: entryB },
        ],
      },
    );
    expect(res.data?._entities).toEqual([
      { id: contestId },
      null,
      { title: 'Xe buýt thông minh 2.0' },
      { title: 'Bản đồ ngập nước' },
    ]);
    expect(e.commands.filter((c) => c.startsWith('find contest')).sort()).toEqual([
      'find contest_entries',
      'find contests',
    ]);
  });
});
