import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { DomainError } from '@portal/errors';
import { toSurveyContent, surveyInput } from './survey-input';
import { buildResults } from './survey-results';
import {
  checkAnswers,
  respondentFor,
  resultsVisible,
  surveyStatus,
  tallyKeys,
} from './survey-rules';

const person = (extra: Partial<Viewer> = {}): Viewer => ({
  ...ANONYMOUS,
  id: 'p1',
  displayName: 'Nguyễn Văn A',
  roles: ['citizen'],
  ...extra,
});
const editor = person({ id: 'e1', roles: ['citizen', 'editor'] });

const content = toSurveyContent(
  surveyInput.parse({
    title: 'Khảo sát thử',
    sections: [
      {
        title: 'Phần 1',
        questions: [
          {
            type: 'SINGLE_CHOICE',
            text: 'Một',
            required: true,
            options: [{ label: 'A' }, { label: 'B' }],
          },
          {
            type: 'MULTIPLE_CHOICE',
            text: 'Nhiều',
            maxChoices: 2,
            options: [{ label: 'A' }, { label: 'B' }, { label: 'C' }],
          },
          { type: 'RATING', text: 'Điểm' },
          { type: 'RANKING', text: 'Xếp hạng', options: [{ label: 'X' }, { label: 'Y' }] },
          { type: 'LONG_TEXT', text: 'Ý kiến', maxLength: 10 },
        ],
      },
    ],
  }),
);

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as DomainError).code;
  }
  return null;
};

describe('survey status and results visibility', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 5, 1, h));
  const base = { publishedAt: t(0), opensAt: t(2), closesAt: t(10), closedAt: null };
  it('moves from DRAFT through SCHEDULED and OPEN to CLOSED', () => {
    expect(surveyStatus({ ...base, publishedAt: null }, t(5))).toBe('DRAFT');
    expect(surveyStatus(base, t(1))).toBe('SCHEDULED');
    expect(surveyStatus(base, t(5))).toBe('OPEN');
    expect(surveyStatus(base, t(10))).toBe('CLOSED');
    expect(surveyStatus({ ...base, closedAt: t(6) }, t(7))).toBe('CLOSED');
  });
  it('shows results live, after closing, or to editors only', () => {
    const s = (v: 'LIVE' | 'AFTER_CLOSE' | 'NEVER') => ({ ...base, resultsVisibility: v });
    expect(resultsVisible(ANONYMOUS, s('LIVE'), t(5))).toBe(true);
    expect(resultsVisible(ANONYMOUS, s('LIVE'), t(1))).toBe(false);
    expect(resultsVisible(ANONYMOUS, s('AFTER_CLOSE'), t(5))).toBe(false);
    expect(resultsVisible(ANONYMOUS, s('AFTER_CLOSE'), t(11))).toBe(true);
    expect(resultsVisible(ANONYMOUS, s('NEVER'), t(11))).toBe(false);
    expect(resultsVisible(editor, s('NEVER'), t(5))).toBe(true);
  });
});

describe('respondents', () => {
  const anyone = { audience: 'ANYONE' as const, audienceUnits: [], anonymous: true };
  it('keys anonymous visitors by client, signed-in people by a keyed hash or by id', () => {
    expect(respondentFor(ANONYMOUS, 'k1', anyone, 's').key).toBe('c:k1');
    const hashed = respondentFor(person(), null, anyone, 's');
    expect(hashed).toMatchObject({ userId: null, displayName: null });
    expect(hashed.key).toMatch(/^h:/);
    expect(hashed.key).not.toContain('p1');
    expect(respondentFor(person(), null, anyone, 'other').key).not.toBe(hashed.key);
    const named = { audience: 'SIGNED_IN' as const, audienceUnits: [], anonymous: false };
    expect(respondentFor(person(), null, named, 's')).toMatchObject({ key: 'u:p1', userId: 'p1' });
  });
  it('refuses people outside the audience', () => {
    const units = { audience: 'UNITS' as const, audienceUnits: ['SO-YT'], anonymous: false };
    expect(code(() => respondentFor(ANONYMOUS, 'k', units, 's'))).toBe('UNAUTHENTICATED');
    expect(code(() => respondentFor(person({ department: 'SO-XD' }), null, units, 's'))).toBe(
      'FORBIDDEN',
    );
    expect(respondentFor(person({ department: 'SO-YT' }), null, units, 's').unit).toBe('SO-YT');
    expect(
      code(() =>
        respondentFor(ANONYMOUS, null, { ...units, audience: 'ANYONE', anonymous: true }, 's'),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('answers', () => {
  it('normalizes answers, drops empty ones and strips markup from text', () => {
    const answers = checkAnswers(
      content.sections,
      [
        { questionId: 'q1', optionIds: ['q1-o2', 'q1-o2'] },
        { questionId: 'q3', rating: null },
        { questionId: 'q5', text: ' <i>tốt</i> ' },
      ],
      true,
    );
    expect(answers).toEqual([
      { questionId: 'q1', optionIds: ['q1-o2'], rating: null, ranking: [], text: null },
      { questionId: 'q5', optionIds: [], rating: null, ranking: [], text: 'tốt' },
    ]);
  });
  it('lets a draft leave required questions and limits open, but not a submission', () => {
    expect(checkAnswers(content.sections, [], false)).toEqual([]);
    expect(code(() => checkAnswers(content.sections, [], true))).toBe('BAD_USER_INPUT');
    expect(
      code(() =>
        checkAnswers(
          content.sections,
          [{ questionId: 'q5', text: 'quá dài hơn mười ký tự' }],
          false,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
  it('counts choices, ratings and positions as tally keys, and results from them', () => {
    const a = checkAnswers(
      content.sections,
      [
        { questionId: 'q1', optionIds: ['q1-o1'] },
        { questionId: 'q2', optionIds: ['q2-o1', 'q2-o3'] },
        { questionId: 'q3', rating: 5 },
        { questionId: 'q4', ranking: ['q4-o2', 'q4-o1'] },
        { questionId: 'q5', text: 'ý kiến' },
      ],
      true,
    );
    const keys = tallyKeys(content.sections, a);
    expect(keys).toEqual([
      'q1',
      'q1=q1-o1',
      'q2',
      'q2=q2-o1',
      'q2=q2-o3',
      'q3',
      'q3#5',
      'q4',
      'q4@q4-o2=1',
      'q4@q4-o1=2',
      'q5',
    ]);
    const tally = new Map<string, number>();
    for (const k of [...keys, ...keys.filter((k) => k.startsWith('q1'))])
      tally.set(k, (tally.get(k) ?? 0) + 1);
    const results = buildResults(content.sections, tally, 2);
    expect(results.questions[0]!.options.map((o) => [o.count, o.share])).toEqual([
      [2, 1],
      [0, 0],
    ]);
    expect(results.questions[2]!.averageRating).toBe(5);
    expect(results.questions[3]!.options.map((o) => o.averageRank)).toEqual([2, 1]);
  });
});
