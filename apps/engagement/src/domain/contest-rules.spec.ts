import { describe, expect, it } from 'vitest';
import { contestInput } from './contest-input';
import {
  awardForRank,
  currentRound,
  isNewAccount,
  resultsYear,
  submissionOpen,
  weightedScore,
  type Round,
} from './contest-rules';

const t = (h: number) => new Date(Date.UTC(2026, 6, 1, h));
const rounds: Round[] = [
  { id: 'r1', kind: 'SUBMISSION', title: 'Nộp bài', startsAt: t(0), endsAt: t(10) },
  { id: 'r2', kind: 'PUBLIC_VOTE', title: 'Bình chọn', startsAt: t(12), endsAt: t(20) },
];

describe('contest rules', () => {
  it('finds the running round, with gaps between rounds', () => {
    expect(currentRound(rounds, t(5))?.id).toBe('r1');
    expect(currentRound(rounds, t(10))).toBeNull();
    expect(currentRound(rounds, t(12))?.id).toBe('r2');
    expect(submissionOpen(rounds, t(9))).toBe(true);
    expect(submissionOpen(rounds, t(13))).toBe(false);
  });
  it('weights each criterion by its share of the maximum', () => {
    const criteria = [
      { id: 'c1', name: 'Sáng tạo', weight: 2, maxScore: 10 },
      { id: 'c2', name: 'Khả thi', weight: 1, maxScore: 5 },
    ];
    expect(
      weightedScore(criteria, [
        { criterionId: 'c1', score: 10 },
        { criterionId: 'c2', score: 5 },
      ]),
    ).toBe(100);
    expect(
      weightedScore(criteria, [
        { criterionId: 'c1', score: 8 },
        { criterionId: 'c2', score: 3 },
      ]),
    ).toBe(73.33);
    expect(weightedScore(criteria, [{ criterionId: 'c1', score: 5 }])).toBe(33.33);
  });
  it('treats accounts seen less than the given days ago as new', () => {
    expect(isNewAccount(t(0), t(24 * 3 - 1), 3)).toBe(true);
    expect(isNewAccount(t(0), t(24 * 3), 3)).toBe(false);
    expect(isNewAccount(null, t(0), 0)).toBe(false);
  });
  it('requires a first submission round, criteria for judging and distinct prize ranks', () => {
    const issues = contestInput
      .safeParse({
        title: 'Cuộc thi',
        rules: 'Thể lệ cuộc thi đầy đủ',
        eligibility: 'Mọi người',
        rounds: [{ kind: 'JUDGING', title: 'Chấm', startsAt: t(0), endsAt: t(1) }],
        prizes: [
          { rank: 1, title: 'Nhất' },
          { rank: 1, title: 'Nhất nữa' },
        ],
      })
      .error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['rounds.0.kind', 'criteria', 'prizes']);
  });
});

describe('showcase promotion rules', () => {
  it('maps prize ranks to showcase awards', () => {
    expect([1, 2, 3, 4, 9].map(awardForRank)).toEqual([
      'FIRST',
      'SECOND',
      'THIRD',
      'CONSOLATION',
      'CONSOLATION',
    ]);
  });

  it('takes the year results were published in Ho Chi Minh City', () => {
    expect(resultsYear(new Date('2024-12-31T16:59:59Z'))).toBe(2024);
    expect(resultsYear(new Date('2024-12-31T17:00:00Z'))).toBe(2025);
  });
});
