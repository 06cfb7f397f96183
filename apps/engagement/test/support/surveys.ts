import { createAsEditor, type Engagement } from './harness';

export const SURVEY_FIELDS = `id kind title status version audience anonymous resultsVisibility
  sections { id title questions { id type text required minChoices maxChoices scaleMin scaleMax
  options { id label } } }`;

/** A survey with one question of every type (q1..q6). */
export function fullSurveyInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Khảo sát mức độ hài lòng với dịch vụ công trực tuyến',
    description: 'Ý kiến của người dân giúp Thành phố cải thiện dịch vụ công.',
    audience: 'SIGNED_IN',
    anonymous: false,
    resultsVisibility: 'LIVE',
    sections: [
      {
        title: 'Trải nghiệm chung',
        questions: [
          {
            type: 'SINGLE_CHOICE',
            text: 'Anh/chị đã dùng dịch vụ công trực tuyến chưa?',
            required: true,
            options: [{ label: 'Đã dùng' }, { label: 'Chưa dùng' }],
          },
          {
            type: 'MULTIPLE_CHOICE',
            text: 'Những dịch vụ nào anh/chị đã dùng?',
            minChoices: 1,
            maxChoices: 2,
            options: [
              { label: 'Đăng ký kinh doanh' },
              { label: 'Cấp phép xây dựng' },
              { label: 'Hộ tịch' },
            ],
          },
          { type: 'RATING', text: 'Mức độ hài lòng', required: true, scaleMin: 1, scaleMax: 5 },
        ],
      },
      {
        title: 'Ưu tiên',
        questions: [
          {
            type: 'RANKING',
            text: 'Sắp xếp ưu tiên cải thiện',
            options: [{ label: 'Tốc độ' }, { label: 'Giao diện' }, { label: 'Hỗ trợ' }],
          },
          { type: 'SHORT_TEXT', text: 'Quận/huyện nơi anh/chị sống' },
          { type: 'LONG_TEXT', text: 'Góp ý khác' },
        ],
      },
    ],
    ...overrides,
  };
}

export function createSurvey(e: Engagement, input: Record<string, unknown>, publish = true) {
  return createAsEditor(e, 'Survey', SURVEY_FIELDS, input, publish);
}

export const SUBMIT = `mutation($id: ID!, $answers: [AnswerInput!]!) {
  submitSurveyResponse(surveyId: $id, answers: $answers) { id state submittedAt
    answers { questionId optionIds rating ranking text } } }`;

/** An anonymous answer to survey `id`, from the client address `clientKey` (no key: none). */
export function submitAnonymously(
  e: Engagement,
  clientKey: string | null,
  id: string,
  answers: unknown,
) {
  return e.call(null, SUBMIT, { id, answers }, clientKey ? { clientKey } : {});
}

export const RESULTS = `query($id: ID!) { survey(id: $id) { status responseCount results { responseCount
  questions { questionId type answered averageRating ratings { value count share }
    options { optionId label count share averageRank } } } } }`;

/** A complete answer to the full survey. */
export function fullAnswers(choice: 1 | 2, rating: number) {
  return [
    { questionId: 'q1', optionIds: [`q1-o${choice}`] },
    { questionId: 'q2', optionIds: ['q2-o1', 'q2-o3'] },
    { questionId: 'q3', rating },
    { questionId: 'q4', ranking: ['q4-o2', 'q4-o1', 'q4-o3'] },
    { questionId: 'q5', text: 'Quận 1' },
    { questionId: 'q6', text: 'Cần thêm <b>hướng dẫn</b>, "rõ ràng"; hơn\nnữa' },
  ];
}
