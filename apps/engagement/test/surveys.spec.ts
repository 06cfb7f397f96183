import { describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { errorCodes, internalTokenFor, testViewer } from '@portal/testing';
import { dataOf, editor, useEngagement } from './support/harness';
import {
  createSurvey,
  fullAnswers,
  fullSurveyInput,
  RESULTS,
  SUBMIT,
  submitAnonymously,
} from './support/surveys';

const e = useEngagement('eng_surveys');
const citizen = (n: number, extra: Record<string, unknown> = {}) =>
  testViewer('citizen', { id: `citizen-${n}`, displayName: `Người dân ${n}`, ...extra });

describe('building surveys', () => {
  it('lets editors build every question type, as a draft only they see, then publish it', async () => {
    const draft = await createSurvey(e, fullSurveyInput(), false);
    expect(draft.status).toBe('DRAFT');
    expect(draft.sections[0].questions.map((q: any) => q.type)).toEqual([
      'SINGLE_CHOICE',
      'MULTIPLE_CHOICE',
      'RATING',
    ]);
    expect(draft.sections[0].questions[1]).toMatchObject({ minChoices: 1, maxChoices: 2 });
    expect(draft.sections[1].questions[0].options.map((o: any) => o.id)).toEqual([
      'q4-o1',
      'q4-o2',
      'q4-o3',
    ]);

    const peek = `query($id: ID!) { survey(id: $id) { id } }`;
    expect((await e.call(citizen(1), peek, { id: draft.id })).data?.survey).toBeNull();
    expect((await e.call(null, peek, { id: draft.id })).data?.survey).toBeNull();
    const listed = await e.call(null, `{ surveys(status: OPEN) { nodes { id } } }`);
    expect(listed.data?.surveys.nodes.map((s: any) => s.id)).not.toContain(draft.id);

    const published = dataOf(
      await e.call(editor, `mutation($id: ID!) { publishSurvey(id: $id) { status } }`, {
        id: draft.id,
      }),
      'publishSurvey',
    );
    expect(published.status).toBe('OPEN');
    const open = await e.call(null, `{ surveys(status: OPEN) { totalCount nodes { id } } }`);
    expect(open.data?.surveys.nodes.map((s: any) => s.id)).toContain(draft.id);
  });

  it('decides authorization before it looks at the input', async () => {
    const bad = { title: '', sections: [] };
    const create = `mutation($input: SurveyInput!) { createSurvey(input: $input) { id } }`;
    expect(errorCodes(await e.call(null, create, { input: bad }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await e.call(citizen(1), create, { input: bad }))).toEqual(['FORBIDDEN']);
    const results = `query($id: ID!) { surveyEditorResults(id: $id) { csvExportPath } }`;
    expect(errorCodes(await e.call(citizen(1), results, { id: 'not-an-id' }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('names every offending field with BAD_USER_INPUT', async () => {
    const res = await e.call(
      editor,
      `mutation($input: SurveyInput!) { createSurvey(input: $input) { id } }`,
      {
        input: fullSurveyInput({
          opensAt: '2026-06-02T00:00:00Z',
          closesAt: '2026-06-01T00:00:00Z',
          audience: 'UNITS',
          sections: [
            {
              title: 'A',
              questions: [
                { type: 'SINGLE_CHOICE', text: 'Một lựa chọn', options: [{ label: 'Có' }] },
                { type: 'RATING', text: 'Đánh giá', scaleMax: 50 },
              ],
            },
          ],
        }),
      },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.errors![0]!.extensions!.fields.map((f: any) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.closesAt',
        'input.audienceUnits',
        'input.sections.0.questions.0.options',
        'input.sections.0.questions.1.scaleMax',
      ]),
    );
  });

  it('refuses a stale expectedVersion and changes to a published survey', async () => {
    const draft = await createSurvey(e, fullSurveyInput(), false);
    const update = `mutation($id: ID!, $input: SurveyInput!, $v: Int!) {
      updateSurvey(id: $id, input: $input, expectedVersion: $v) { title version } }`;
    const input = fullSurveyInput({ title: 'Khảo sát đã sửa tiêu đề' });
    const ok = dataOf(await e.call(editor, update, { id: draft.id, input, v: 1 }), 'updateSurvey');
    expect(ok).toEqual({ title: 'Khảo sát đã sửa tiêu đề', version: 2 });
    expect(errorCodes(await e.call(editor, update, { id: draft.id, input, v: 1 }))).toEqual([
      'CONFLICT',
    ]);
    await e.call(editor, `mutation($id: ID!) { publishSurvey(id: $id) { id } }`, { id: draft.id });
    expect(errorCodes(await e.call(editor, update, { id: draft.id, input, v: 3 }))).toEqual([
      'CONFLICT',
    ]);
  });
});

describe('answering', () => {
  it('saves a draft, finishes it later, and answers once per person', async () => {
    const s = await createSurvey(e, fullSurveyInput());
    const person = citizen(10);
    const save = `mutation($id: ID!, $answers: [AnswerInput!]!) {
      saveSurveyDraft(surveyId: $id, answers: $answers) { state answers { questionId optionIds } } }`;
    const saved = dataOf(
      await e.call(person, save, {
        id: s.id,
        answers: [{ questionId: 'q1', optionIds: ['q1-o1'] }],
      }),
      'saveSurveyDraft',
    );
    expect(saved.state).toBe('DRAFT');
    const mine = `query($id: ID!) { survey(id: $id) { viewerCanAnswer myResponse { state answers { questionId } } } }`;
    expect((await e.call(person, mine, { id: s.id })).data?.survey).toEqual({
      viewerCanAnswer: true,
      myResponse: { state: 'DRAFT', answers: [{ questionId: 'q1' }] },
    });
    expect(errorCodes(await e.call(null, save, { id: s.id, answers: [] }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    // A submission must answer the required questions.
    const partial = await e.call(person, SUBMIT, {
      id: s.id,
      answers: [{ questionId: 'q1', optionIds: ['q1-o1'] }],
    });
    expect(errorCodes(partial)).toEqual(['BAD_USER_INPUT']);
    expect(partial.errors![0]!.extensions!.fields).toEqual([
      { field: 'answers', message: 'question q3 is required' },
    ]);

    const submitted = dataOf(
      await e.call(person, SUBMIT, { id: s.id, answers: fullAnswers(1, 4) }),
      'submitSurveyResponse',
    );
    expect(submitted.state).toBe('SUBMITTED');
    expect(submitted.answers[5].text).toBe('Cần thêm hướng dẫn, "rõ ràng"; hơn\nnữa');
    expect((await e.call(person, mine, { id: s.id })).data?.survey).toEqual({
      viewerCanAnswer: false,
      myResponse: { state: 'SUBMITTED', answers: expect.any(Array) },
    });
    expect(
      errorCodes(await e.call(person, SUBMIT, { id: s.id, answers: fullAnswers(2, 1) })),
    ).toEqual(['CONFLICT']);
    expect(await e.models.SurveyDraft.countDocuments({ surveyId: s.id })).toBe(0);
  });

  it('checks each answer against its question, naming the answer', async () => {
    const s = await createSurvey(e, fullSurveyInput());
    const answers = fullAnswers(1, 9);
    answers[1] = { questionId: 'q2', optionIds: ['q2-o1', 'q2-o2', 'q2-o3'] };
    answers[3] = { questionId: 'q4', ranking: ['q4-o1', 'q4-o1', 'q4-o2'] };
    answers[0] = { questionId: 'q1', optionIds: ['q9-o1'] };
    const res = await e.call(citizen(11), SUBMIT, { id: s.id, answers });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields.map((f: any) => f.field)).toEqual([
      'answers.0.optionIds',
      'answers.1.optionIds',
      'answers.2.rating',
      'answers.3.ranking',
    ]);
  });

  it('keeps one response per person when the same person submits many times at once', async () => {
    const s = await createSurvey(e, fullSurveyInput());
    const person = citizen(12);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        e.call(person, SUBMIT, { id: s.id, answers: fullAnswers(1, (i % 5) + 1) }),
      ),
    );
    const ok = results.filter((r) => r.data?.submitSurveyResponse);
    expect(ok).toHaveLength(1);
    expect(results.flatMap(errorCodes).sort()).toEqual(Array(7).fill('CONFLICT'));
    expect(await e.models.SurveyResponse.countDocuments({ surveyId: s.id })).toBe(1);
  });

  it('takes anonymous answers once per client address and keeps no identity', async () => {
    const s = await createSurvey(e, fullSurveyInput({ audience: 'ANYONE', anonymous: true }));
    const first = await Promise.all(
      Array.from({ length: 5 }, () => submitAnonymously(e, 'client-a', s.id, fullAnswers(2, 5))),
    );
    expect(first.filter((r) => r.data?.submitSurveyResponse)).toHaveLength(1);
    expect(first.flatMap(errorCodes)).toEqual(Array(4).fill('CONFLICT'));
    dataOf(await submitAnonymously(e, 'client-b', s.id, fullAnswers(1, 3)), 'submitSurveyResponse');
    // Without a client key nobody can be told apart: refused rather than counted twice.
    expect(errorCodes(await submitAnonymously(e, null, s.id, fullAnswers(1, 3)))).toEqual([
      'FORBIDDEN',
    ]);

    const person = citizen(13, { department: 'SO-KHCN' });
    dataOf(
      await e.call(person, SUBMIT, { id: s.id, answers: fullAnswers(1, 4) }),
      'submitSurveyResponse',
    );
    expect(
      errorCodes(await e.call(person, SUBMIT, { id: s.id, answers: fullAnswers(1, 4) })),
    ).toEqual(['CONFLICT']);
    const stored = await e.models.SurveyResponse.find({ surveyId: s.id }).lean();
    expect(stored).toHaveLength(3);
    for (const r of stored) {
      expect(r.userId).toBeNull();
      expect(r.displayName).toBeNull();
      expect(JSON.stringify(r)).not.toContain('citizen-13');
    }
  });

  it('limits who may answer by audience', async () => {
    const s = await createSurvey(
      e,
      fullSurveyInput({ audience: 'UNITS', audienceUnits: ['SO-KHCN', 'SO-YT'], anonymous: false }),
    );
    const answers = fullAnswers(1, 4);
    expect(errorCodes(await submitAnonymously(e, 'c1', s.id, answers))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await e.call(citizen(20), SUBMIT, { id: s.id, answers }))).toEqual([
      'FORBIDDEN',
    ]);
    const other = testViewer('officer', { id: 'officer-xd', department: 'SO-XD' });
    expect(errorCodes(await e.call(other, SUBMIT, { id: s.id, answers }))).toEqual(['FORBIDDEN']);
    // Outside the audience is refused before the answers are looked at.
    expect(
      errorCodes(await e.call(other, SUBMIT, { id: s.id, answers: [{ questionId: 'zz' }] })),
    ).toEqual(['FORBIDDEN']);
    const officer = testViewer('officer', { id: 'officer-tttt', department: 'SO-KHCN' });
    dataOf(await e.call(officer, SUBMIT, { id: s.id, answers }), 'submitSurveyResponse');
  });

  it('takes no answers before opening or after closing', async () => {
    const opensAt = new Date(e.clock.now().getTime() + 3600_000).toISOString();
    const s = await createSurvey(e, fullSurveyInput({ opensAt }));
    expect(s.status).toBe('SCHEDULED');
    expect(
      errorCodes(await e.call(citizen(30), SUBMIT, { id: s.id, answers: fullAnswers(1, 4) })),
    ).toEqual(['CONFLICT']);
    e.clock.advance(2 * 3600_000);
    dataOf(
      await e.call(citizen(30), SUBMIT, { id: s.id, answers: fullAnswers(1, 4) }),
      'submitSurveyResponse',
    );
    const closed = dataOf(
      await e.call(editor, `mutation($id: ID!) { closeSurvey(id: $id) { status closedAt } }`, {
        id: s.id,
      }),
      'closeSurvey',
    );
    expect(closed.status).toBe('CLOSED');
    expect(
      errorCodes(await e.call(citizen(31), SUBMIT, { id: s.id, answers: fullAnswers(1, 4) })),
    ).toEqual(['CONFLICT']);
  });
});

describe('results', () => {
  it('shows counts and shares per option, ratings and ranks, as the survey allows', async () => {
    const s = await createSurvey(e, fullSurveyInput({ resultsVisibility: 'AFTER_CLOSE' }));
    await e.call(citizen(40), SUBMIT, { id: s.id, answers: fullAnswers(1, 5) });
    await e.call(citizen(41), SUBMIT, { id: s.id, answers: fullAnswers(1, 4) });
    await e.call(citizen(42), SUBMIT, {
      id: s.id,
      answers: [
        { questionId: 'q1', optionIds: ['q1-o2'] },
        { questionId: 'q3', rating: 4 },
        { questionId: 'q4', ranking: ['q4-o1', 'q4-o2', 'q4-o3'] },
      ],
    });
    const hidden = (await e.call(citizen(40), RESULTS, { id: s.id })).data?.survey;
    expect(hidden).toMatchObject({ status: 'OPEN', responseCount: null, results: null });

    await e.call(editor, `mutation($id: ID!) { closeSurvey(id: $id) { id } }`, { id: s.id });
    const { results } = dataOf(await e.call(null, RESULTS, { id: s.id }), 'survey');
    expect(results.responseCount).toBe(3);
    const [q1, q2, q3, q4, q5] = results.questions;
    expect(q1.options).toEqual([
      { optionId: 'q1-o1', label: 'Đã dùng', count: 2, share: 0.6667, averageRank: null },
      { optionId: 'q1-o2', label: 'Chưa dùng', count: 1, share: 0.3333, averageRank: null },
    ]);
    expect(q2).toMatchObject({ answered: 2 });
    expect(q2.options.map((o: any) => o.count)).toEqual([2, 0, 2]);
    expect(q3.averageRating).toBe(4.33);
    expect(q3.ratings.find((r: any) => r.value === 4)).toEqual({
      value: 4,
      count: 2,
      share: 0.6667,
    });
    expect(q4.options.map((o: any) => o.averageRank)).toEqual([1.67, 1.33, 3]);
    // Text answers are never in public results: only how many answered.
    expect(q5).toMatchObject({ type: 'SHORT_TEXT', answered: 2, options: [] });
  });

  it('gives editors a per-unit breakdown and a streamed CSV export', async () => {
    const s = await createSurvey(e, fullSurveyInput({ resultsVisibility: 'NEVER' }));
    await e.call(
      testViewer('officer', { id: 'o-1', displayName: 'Cán bộ Một', department: 'SO-KHCN' }),
      SUBMIT,
      {
        id: s.id,
        answers: fullAnswers(1, 5),
      },
    );
    await e.call(
      testViewer('officer', { id: 'o-2', displayName: 'Cán bộ Hai', department: 'SO-YT' }),
      SUBMIT,
      {
        id: s.id,
        answers: fullAnswers(2, 2),
      },
    );
    await e.call(citizen(50), SUBMIT, { id: s.id, answers: fullAnswers(2, 3) });
    expect((await e.call(citizen(50), RESULTS, { id: s.id })).data?.survey.results).toBeNull();

    const res = dataOf(
      await e.call(
        editor,
        `query($id: ID!) { surveyEditorResults(id: $id) { csvExportPath overall { responseCount }
          byUnit { unit results { responseCount questions { questionId options { count } } } } } }`,
        { id: s.id },
      ),
      'surveyEditorResults',
    );
    expect(res.overall.responseCount).toBe(3);
    expect(res.byUnit.map((u: any) => [u.unit, u.results.responseCount])).toEqual([
      ['SO-KHCN', 1],
      ['SO-YT', 1],
      [null, 1],
    ]);
    expect(res.byUnit[1].results.questions[0].options.map((o: any) => o.count)).toEqual([0, 1]);

    const url = new URL(res.csvExportPath, e.server.graphqlUrl).toString();
    const denied = await fetch(url, {
      headers: { [INTERNAL_TOKEN_HEADER]: await internalTokenFor(citizen(50)) },
    });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as any).error.code).toBe('FORBIDDEN');
    const csv = await fetch(url, {
      headers: { [INTERNAL_TOKEN_HEADER]: await internalTokenFor(editor) },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A UTF-8 byte-order mark first, so spreadsheet programs read the Vietnamese right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toContain(
      'respondentId,respondentName,unit,q1: Anh/chị đã dùng dịch vụ công trực tuyến chưa?',
    );
    expect(lines[1]).toMatch(
      /^1,.*,o-1,Cán bộ Một,SO-KHCN,Đã dùng,Đăng ký kinh doanh; Hộ tịch,5,Giao diện; Tốc độ; Hỗ trợ,Quận 1,"Cần thêm hướng dẫn, ""rõ ràng""; hơn$/,
    );
    // The header, and three responses of two lines each (the long answer has a line break inside quotes).
    expect(lines).toHaveLength(1 + 3 * 2);
  });

  it('exports anonymous surveys without personal data', async () => {
    const s = await createSurvey(e, fullSurveyInput({ audience: 'ANYONE', anonymous: true }));
    await e.call(citizen(60, { department: 'SO-YT' }), SUBMIT, {
      id: s.id,
      answers: fullAnswers(1, 5),
    });
    const csv = await (
      await fetch(new URL(`/engagement/surveys/${s.id}/responses.csv`, e.server.graphqlUrl), {
        headers: { [INTERNAL_TOKEN_HEADER]: await internalTokenFor(editor) },
      })
    ).text();
    expect(csv.split('\n')[0]).not.toContain('respondent');
    expect(csv).not.toContain('citizen-60');
    expect(csv).not.toContain('SO-YT');
  });
});

describe('quick polls with content', () => {
  it('attaches a poll to an article and a thread, resolved for many references with one query', async () => {
    const articleIds = [
      '64b000000000000000000001',
      '64b000000000000000000002',
      '64b000000000000000000003',
    ];
    const poll = (attachTo: Record<string, string>) => ({
      kind: 'POLL',
      title: 'Bạn có dùng ứng dụng Công dân số?',
      audience: 'ANYONE',
      anonymous: true,
      attachTo,
      sections: [
        {
          title: 'Bình chọn',
          questions: [
            {
              type: 'SINGLE_CHOICE',
              text: 'Bạn có dùng?',
              options: [{ label: 'Có' }, { label: 'Không' }],
            },
          ],
        },
      ],
    });
    const a1 = await createSurvey(e, poll({ type: 'ARTICLE', id: articleIds[0]! }));
    const a2 = await createSurvey(e, poll({ type: 'ARTICLE', id: articleIds[1]! }));
    const t1 = await createSurvey(e, poll({ type: 'THREAD', id: articleIds[0]! }));
    await createSurvey(e, poll({ type: 'ARTICLE', id: articleIds[2]! }), false);

    const notPoll = await e.call(
      editor,
      `mutation($input: SurveyInput!) { createSurvey(input: $input) { id } }`,
      {
        input: { ...poll({ type: 'ARTICLE', id: articleIds[0]! }), kind: 'SURVEY' },
      },
    );
    expect(notPoll.errors![0]!.extensions!.fields.map((f: any) => f.field)).toEqual([
      'input.attachTo',
    ]);

    const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Article { id poll { id title article { id } } } ... on Thread { id poll { id thread { id } } } } }`;
    e.commands.length = 0;
    const res = await e.call(null, entities, {
      r: [
        ...articleIds.map((id) => ({ __typename: 'Article', id })),
        { __typename: 'Thread', id: articleIds[0] },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities.map((x: any) => x.poll?.id ?? null)).toEqual([
      a1.id,
      a2.id,
      null,
      t1.id,
    ]);
    expect(res.data?._entities[0].poll.article).toEqual({ id: articleIds[0] });
    expect(e.commands.filter((c) => c.endsWith(' surveys'))).toEqual(['find surveys']);

    // The poll's own entity also resolves in one query for many references.
    e.commands.length = 0;
    const surveys = await e.call(
      null,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Survey { id kind } } }`,
      {
        r: [a1.id, a2.id, t1.id].map((id) => ({ __typename: 'Survey', id })),
      },
    );
    expect(surveys.data?._entities.map((x: any) => x.kind)).toEqual(['POLL', 'POLL', 'POLL']);
    expect(e.commands.filter((c) => c.endsWith(' surveys'))).toEqual(['find surveys']);
  });
});
