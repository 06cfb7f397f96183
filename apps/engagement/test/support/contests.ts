// The contest mutations the specs drive (answering ids only) and the AI-Challenge the
// promotion specs run a contest of.

export const CREATE_CONTEST = `mutation($input: ContestInput!) { createContest(input: $input) { id } }`;
export const PUBLISH_CONTEST = `mutation($id: ID!) { publishContest(id: $id) { id } }`;
export const SUBMIT_ENTRY = `mutation($c: ID!, $input: ContestEntryInput!) { submitContestEntry(contestId: $c, input: $input) { id } }`;
export const PUBLISH_RESULTS = `mutation($c: ID!, $w: [ContestWinnerInput!]!) { publishContestResults(contestId: $c, winners: $w) { id } }`;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The AI-Challenge's ContestInput, times from `at` (ms from now, as ISO strings): entries taken
 * from an hour ago for a day, judged on one criterion, first prize; `more` adds the later
 * rounds and prizes.
 */
export function aiChallengeInput(
  at: (ms: number) => string,
  more: { rounds?: object[]; prizes?: object[] } = {},
) {
  return {
    title: 'AI-Challenge TP.HCM 2026',
    rules: 'Mỗi đội gửi một sản phẩm trí tuệ nhân tạo phục vụ người dân trước hạn.',
    eligibility: 'Sinh viên, doanh nghiệp khởi nghiệp tại Thành phố.',
    rounds: [
      { kind: 'SUBMISSION', title: 'Nhận sản phẩm', startsAt: at(-HOUR), endsAt: at(DAY) },
      ...(more.rounds ?? []),
    ],
    criteria: [{ name: 'Tính ứng dụng', weight: 1, maxScore: 10 }],
    prizes: [{ rank: 1, title: 'Giải Nhất' }, ...(more.prizes ?? [])],
  };
}
