/** The shape of a survey's content, shared by input parsing, rules, results and the model. */

export const QUESTION_TYPES = [
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'RATING',
  'RANKING',
  'SHORT_TEXT',
  'LONG_TEXT',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SURVEY_KINDS = ['SURVEY', 'POLL'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const AUDIENCES = ['ANYONE', 'SIGNED_IN', 'UNITS'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const RESULTS_VISIBILITIES = ['LIVE', 'AFTER_CLOSE', 'NEVER'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITIES)[number];

export const ATTACHMENT_TYPES = ['ARTICLE', 'THREAD'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export type SurveyStatus = 'DRAFT' | 'SCHEDULED' | 'OPEN' | 'CLOSED';

export interface SurveyOption {
  id: string;
  label: string;
}

export interface SurveyQuestion {
  id: string;
  type: QuestionType;
  text: string;
  required: boolean;
  options: SurveyOption[];
  minChoices: number | null;
  maxChoices: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
  scaleMinLabel: string | null;
  scaleMaxLabel: string | null;
  maxLength: number | null;
}

export interface SurveySection {
  id: string;
  title: string;
  description: string | null;
  questions: SurveyQuestion[];
}

/** What an editor writes; the rest of a survey (status, times of publishing) is kept by the service. */
export interface SurveyContent {
  kind: SurveyKind;
  title: string;
  description: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  audience: Audience;
  audienceUnits: string[];
  anonymous: boolean;
  resultsVisibility: ResultsVisibility;
  sections: SurveySection[];
  attachedTo: { type: AttachmentType; id: string } | null;
}

/** The timing fields the status is computed from. */
export interface SurveyTiming {
  publishedAt: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
}

/** One answer, normalized: fields that do not apply to the question's type are empty. */
export interface Answer {
  questionId: string;
  optionIds: string[];
  rating: number | null;
  ranking: string[];
  text: string | null;
}

export const CHOICE_TYPES: readonly QuestionType[] = [
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'RANKING',
];
export const TEXT_TYPES: readonly QuestionType[] = ['SHORT_TEXT', 'LONG_TEXT'];

export function allQuestions(sections: readonly SurveySection[]): SurveyQuestion[] {
  return sections.flatMap((s) => s.questions);
}
