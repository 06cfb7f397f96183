import { z } from 'zod';
import { isUnitCode } from '@portal/reference-data';
import { dateValue, objectIdString, optionalText, plainText } from './input-text';
import {
  ATTACHMENT_TYPES,
  AUDIENCES,
  QUESTION_TYPES,
  RESULTS_VISIBILITIES,
  SURVEY_KINDS,
  TEXT_TYPES,
  type SurveyContent,
  type SurveyQuestion,
  type SurveySection,
} from './survey-types';

export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 30;
const DEFAULT_MAX_LENGTH = { SHORT_TEXT: 300, LONG_TEXT: 5000 } as const;

const int = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const questionInput = z
  .object({
    type: z.enum(QUESTION_TYPES),
    text: plainText(1, 500),
    required: z.boolean().nullish(),
    options: z
      .array(z.object({ label: plainText(1, 200) }))
      .max(MAX_OPTIONS, `must have at most ${MAX_OPTIONS} options`)
      .nullish(),
    minChoices: int(0, MAX_OPTIONS).nullish(),
    maxChoices: int(1, MAX_OPTIONS).nullish(),
    scaleMin: int(0, 1).nullish(),
    scaleMax: int(2, 10).nullish(),
    scaleMinLabel: optionalText(50),
    scaleMaxLabel: optionalText(50),
    maxLength: int(1, 5000).nullish(),
  })
  .superRefine((q, ctx) => {
    const options = q.options ?? [];
    const choice =
      q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE' || q.type === 'RANKING';
    if (choice && options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'must have at least 2 options' });
    if (!choice && options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `must be empty for ${q.type}` });
    const labels = options.map((o) => o.label.toLowerCase());
    if (new Set(labels).size !== labels.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'must not repeat a label' });
    if (q.type === 'MULTIPLE_CHOICE') {
      const min = q.minChoices ?? 0;
      const max = q.maxChoices ?? options.length;
      if (max > options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['maxChoices'],
          message: 'must not exceed the options',
        });
      if (min > max)
        ctx.addIssue({
          code: 'custom',
          path: ['minChoices'],
          message: 'must not exceed maxChoices',
        });
    } else if (q.minChoices != null || q.maxChoices != null) {
      ctx.addIssue({
        code: 'custom',
        path: [q.minChoices != null ? 'minChoices' : 'maxChoices'],
        message: 'applies to MULTIPLE_CHOICE only',
      });
    }
    if (q.type !== 'RATING' && (q.scaleMin != null || q.scaleMax != null))
      ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'applies to RATING only' });
    if (!TEXT_TYPES.includes(q.type) && q.maxLength != null)
      ctx.addIssue({
        code: 'custom',
        path: ['maxLength'],
        message: 'applies to text questions only',
      });
  });

const sectionInput = z.object({
  title: plainText(1, 200),
  description: optionalText(2000),
  questions: z.array(questionInput).min(1, 'must have at least one question'),
});

export const surveyInput = z
  .object({
    kind: z.enum(SURVEY_KINDS).nullish(),
    title: plainText(3, 200),
    description: optionalText(5000),
    opensAt: dateValue.nullish(),
    closesAt: dateValue.nullish(),
    audience: z.enum(AUDIENCES).nullish(),
    audienceUnits: z
      .array(z.string().trim().refine(isUnitCode, 'must be a unit code from the reference data'))
      .max(100)
      .nullish(),
    anonymous: z.boolean().nullish(),
    resultsVisibility: z.enum(RESULTS_VISIBILITIES).nullish(),
    sections: z.array(sectionInput).min(1, 'must have at least one section').max(20),
    attachTo: z.object({ type: z.enum(ATTACHMENT_TYPES), id: objectIdString }).nullish(),
  })
  .superRefine((s, ctx) => {
    const count = s.sections.reduce((n, sec) => n + sec.questions.length, 0);
    if (count > MAX_QUESTIONS)
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `must have at most ${MAX_QUESTIONS} questions`,
      });
    if (s.opensAt && s.closesAt && s.closesAt <= s.opensAt)
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' });
    const audience = s.audience ?? 'ANYONE';
    if (audience === 'UNITS' && !s.audienceUnits?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['audienceUnits'],
        message: 'must list at least one unit',
      });
    if (audience !== 'UNITS' && s.audienceUnits?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['audienceUnits'],
        message: 'applies to audience UNITS only',
      });
    if (audience === 'ANYONE' && s.anonymous === false)
      ctx.addIssue({
        code: 'custom',
        path: ['anonymous'],
        message: 'named answers need signed-in people: choose audience SIGNED_IN or UNITS',
      });
    const kind = s.kind ?? 'SURVEY';
    if (kind === 'POLL') {
      const q = s.sections[0]?.questions[0];
      if (s.sections.length !== 1 || s.sections[0]!.questions.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['sections'],
          message: 'a poll has exactly one question',
        });
      else if (q && q.type !== 'SINGLE_CHOICE' && q.type !== 'MULTIPLE_CHOICE')
        ctx.addIssue({
          code: 'custom',
          path: ['sections', 0, 'questions', 0, 'type'],
          message: 'a poll question is SINGLE_CHOICE or MULTIPLE_CHOICE',
        });
    } else if (s.attachTo) {
      ctx.addIssue({
        code: 'custom',
        path: ['attachTo'],
        message: 'only polls are attached to content',
      });
    }
  });

export type SurveyInput = z.output<typeof surveyInput>;

/** The survey's content with stable ids: sections s1.., questions q1.., options q1-o1... */
export function toSurveyContent(input: SurveyInput): SurveyContent {
  let q = 0;
  const sections: SurveySection[] = input.sections.map((sec, si) => ({
    id: `s${si + 1}`,
    title: sec.title,
    description: sec.description,
    questions: sec.questions.map((question): SurveyQuestion => {
      const id = `q${++q}`;
      const isText = question.type === 'SHORT_TEXT' || question.type === 'LONG_TEXT';
      const isRating = question.type === 'RATING';
      return {
        id,
        type: question.type,
        text: question.text,
        required: question.required ?? false,
        options: (question.options ?? []).map((o, oi) => ({
          id: `${id}-o${oi + 1}`,
          label: o.label,
        })),
        minChoices: question.type === 'MULTIPLE_CHOICE' ? (question.minChoices ?? 0) : null,
        maxChoices:
          question.type === 'MULTIPLE_CHOICE'
            ? (question.maxChoices ?? question.options?.length ?? null)
            : null,
        scaleMin: isRating ? (question.scaleMin ?? 1) : null,
        scaleMax: isRating ? (question.scaleMax ?? 5) : null,
        scaleMinLabel: isRating ? question.scaleMinLabel : null,
        scaleMaxLabel: isRating ? question.scaleMaxLabel : null,
        maxLength: isText
          ? (question.maxLength ?? DEFAULT_MAX_LENGTH[question.type as 'SHORT_TEXT' | 'LONG_TEXT'])
          : null,
      };
    }),
  }));
  const audience = input.audience ?? 'ANYONE';
  return {
    kind: input.kind ?? 'SURVEY',
    title: input.title,
    description: input.description,
    opensAt: input.opensAt ?? null,
    closesAt: input.closesAt ?? null,
    audience,
    audienceUnits: audience === 'UNITS' ? [...new Set(input.audienceUnits ?? [])] : [],
    anonymous: input.anonymous ?? true,
    resultsVisibility: input.resultsVisibility ?? 'LIVE',
    sections,
    attachedTo: input.attachTo ?? null,
  };
}

/** Raw answers as GraphQL gives them; checked against the survey by `checkAnswers`. */
export const answersInput = z
  .array(
    z.object({
      questionId: z.string().min(1).max(20),
      optionIds: z.array(z.string().max(20)).max(MAX_OPTIONS).nullish(),
      rating: z.number().int('must be a whole number').nullish(),
      ranking: z.array(z.string().max(20)).max(MAX_OPTIONS).nullish(),
      text: z.string().max(20_000, 'must be at most 20000 characters').nullish(),
    }),
  )
  .max(MAX_QUESTIONS);
export type AnswersInput = z.output<typeof answersInput>;
