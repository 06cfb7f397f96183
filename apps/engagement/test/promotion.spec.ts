// Promoting contest winners to the library's AI-Challenge showcase: editors only (decided
// before the input is read), winners of published results only, and exactly one
// `library-events` job per entry however often or concurrently it is asked for.
import { beforeAll, describe, expect, it } from 'vitest';
import { libraryEventPayload } from '@portal/queue';
import { errorCodes, testViewer } from '@portal/testing';
import {
  CREATE_CONTEST,
  PUBLISH_CONTEST,
  PUBLISH_RESULTS,
  SUBMIT_ENTRY,
  aiChallengeInput,
} from './support/contests';
import { dataOf, useEngagement } from './support/harness';

const e = useEngagement('eng_promotion');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const editor = testViewer('editor', { id: 'editor-promo' });
const person = (n: number) => testViewer('citizen', { id: `promo-${n}`, displayName: `Đội ${n}` });

const PROMOTE = `mutation($id: ID!, $input: PromoteContestEntryInput!) {
  promoteContestEntry(entryId: $id, input: $input) { id title showcaseEntry { id } } }`;
const input = {
  category: 'PUBLIC_SERVICES',
  tryItUrl: 'https://tro-ly-ao.example.vn/dung-thu',
};

let contestId: string;
let winner: string;
let loser: string;

beforeAll(async () => {
  const t = e.clock.now().getTime();
  const at = (ms: number) => new Date(t + ms).toISOString();
  contestId = dataOf(
    await e.call(editor, CREATE_CONTEST, {
      input: aiChallengeInput(at, {
        rounds: [
          { kind: 'JUDGING', title: 'Chấm chung khảo', startsAt: at(DAY), endsAt: at(2 * DAY) },
        ],
        prizes: [{ rank: 2, title: 'Giải Nhì' }],
      }),
    }),
    'createContest',
  ).id;
  dataOf(
    await e.call(editor, PUBLISH_CONTEST, {
      id: contestId,
    }),
    'publishContest',
  );
  const submit = async (n: number, title: string) =>
    dataOf(
      await e.call(person(n), SUBMIT_ENTRY, {
        c: contestId,
        input: {
          title,
          description: 'Trợ lý ảo trả lời thủ tục hành chính bằng tiếng Việt.',
          team: [{ name: 'Lê Minh Anh', role: 'Trưởng nhóm' }, { name: 'Võ Thị Bích' }],
        },
      }),
      'submitContestEntry',
    ).id as string;
  winner = await submit(1, 'Trợ lý ảo thủ tục hành chính');
  loser = await submit(2, 'Nhận diện rác thải');
});

describe('promoting contest winners to the showcase', () => {
  it('refuses anyone but editors, before looking at the input', async () => {
    const bad = { category: 'HEALTH', tryItUrl: 'ftp://x', demoVideoItemId: 'nope' };
    for (const [viewer, code] of [
      [null, 'UNAUTHENTICATED'],
      [person(1), 'FORBIDDEN'],
      [testViewer('contributor'), 'FORBIDDEN'],
      [testViewer('moderator'), 'FORBIDDEN'],
    ] as const) {
      expect(errorCodes(await e.call(viewer, PROMOTE, { id: winner, input: bad }))).toEqual([code]);
      expect(errorCodes(await e.call(viewer, PROMOTE, { id: winner, input }))).toEqual([code]);
    }
    expect(await e.models.ContestPromotion.countDocuments()).toBe(0);
  });

  it('names bad fields, and refuses entries that did not win published results', async () => {
    const bad = await e.call(editor, PROMOTE, {
      id: winner,
      input: { category: 'HEALTH', tryItUrl: 'javascript:alert(1)', demoVideoItemId: 'nope' },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field)).toEqual([
      'input.tryItUrl',
      'input.demoVideoItemId',
    ]);
    // Results not published yet.
    const early = await e.call(editor, PROMOTE, { id: winner, input });
    expect(early.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'entryId', message: 'is not a winner of a contest whose results are published' },
    ]);
    dataOf(
      await e.call(editor, PUBLISH_RESULTS, { c: contestId, w: [{ entryId: winner, rank: 1 }] }),
      'publishContestResults',
    );
    const notWinner = await e.call(editor, PROMOTE, { id: loser, input });
    expect(errorCodes(notWinner)).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await e.call(editor, PROMOTE, { id: '65b0000000000000000000ff', input })),
    ).toEqual(['NOT_FOUND']);
    expect(await e.models.ContestPromotion.countDocuments()).toBe(0);
    const queue = e.producers['library-events'].queue;
    expect(await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).toEqual([]);
  });

  it('hands the library one job, however often and concurrently it is asked', async () => {
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map(() => e.call(editor, PROMOTE, { id: winner, input })),
    );
    const showcaseIds = new Set(
      responses.map((r) => dataOf(r, 'promoteContestEntry').showcaseEntry.id as string),
    );
    expect(showcaseIds.size).toBe(1);
    // Later, with other choices: nothing changes.
    const again = dataOf(
      await e.call(editor, PROMOTE, {
        id: winner,
        input: { category: 'HEALTH', tryItUrl: 'https://khac.example.vn', award: 'SPECIAL' },
      }),
      'promoteContestEntry',
    );
    const [showcaseEntryId] = [...showcaseIds];
    expect(again.showcaseEntry.id).toBe(showcaseEntryId);

    expect(await e.models.ContestPromotion.countDocuments({ _id: winner })).toBe(1);
    const queue = e.producers['library-events'].queue;
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.map((j) => j.id)).toEqual([`showcase-promote.${winner}`]);
    const payload = libraryEventPayload.parse(jobs[0]!.data);
    expect(payload).toEqual({
      type: 'showcase.promote',
      showcaseEntryId,
      contestId,
      contestEntryId: winner,
      contestTitle: 'AI-Challenge TP.HCM 2026',
      title: 'Trợ lý ảo thủ tục hành chính',
      description: 'Trợ lý ảo trả lời thủ tục hành chính bằng tiếng Việt.',
      team: [
        { name: 'Lê Minh Anh', role: 'Trưởng nhóm' },
        { name: 'Võ Thị Bích', role: null },
      ],
      award: 'FIRST',
      awardTitle: 'Giải Nhất',
      year: new Date(e.clock.now().getTime() + 7 * HOUR).getUTCFullYear(),
      category: 'PUBLIC_SERVICES',
      tryItUrl: 'https://tro-ly-ao.example.vn/dung-thu',
      demoVideoItemId: null,
      promotedBy: 'editor-promo',
    });

    // The public sees the reference on the entry (the library resolves it through the graph).
    const seen = await e.call(
      null,
      `query($id: ID!) { contest(id: $id) { winners { entry { id showcaseEntry { id } } } } }`,
      { id: contestId },
    );
    expect(dataOf(seen, 'contest').winners).toEqual([
      { entry: { id: winner, showcaseEntry: { id: showcaseEntryId } } },
    ]);
  });
});
