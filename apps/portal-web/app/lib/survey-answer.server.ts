import { SaveSurveyDraftDocument, SubmitSurveyResponseDocument } from '../__generated__/graphql';
import type { Answer } from '../components/survey';
import type { PortalLoadContext } from './context';
import { runOperation, type GraphError } from './graphql.server';
import { answersFromForm, problemsByQuestion, type SurveyForm } from './survey-form';

/** What a page shows after a survey or poll form was sent. */
export interface AnswerOutcome {
  ok: boolean;
  /** A problem that belongs to no question (or not an input problem at all). */
  error: GraphError | null;
  /** Problems by question id, shown next to their question. */
  fieldErrors: Record<string, string>;
  /** What was sent, shown again when it was refused. */
  values: Answer[];
}

/**
 * Sends a submitted survey or poll form as a draft or a response, for the survey page and the
 * polls shown with articles and threads: the form's own problems (ranks) and the graph's
 * `BAD_USER_INPUT` problems (`answers.<n>.…`) come back by question.
 */
export async function sendSurveyForm(
  context: PortalLoadContext,
  survey: SurveyForm & { id: string },
  form: FormData,
  intent: 'draft' | 'submit',
  token: string | null,
): Promise<AnswerOutcome> {
  const { answers, problems } = answersFromForm(survey, form);
  const values: Answer[] = answers.map((a) => ({
    questionId: a.questionId,
    optionIds: a.optionIds ?? [],
    rating: a.rating ?? null,
    ranking: a.ranking ?? [],
    text: a.text ?? null,
  }));
  const fieldErrors: Record<string, string> = { ...problems };
  if (Object.keys(problems).length) return { ok: false, error: null, fieldErrors, values };
  const variables = { surveyId: survey.id, answers };
  const result =
    intent === 'draft'
      ? await runOperation(context, SaveSurveyDraftDocument, variables, token)
      : await runOperation(context, SubmitSurveyResponseDocument, variables, token);
  if (result.ok) return { ok: true, error: null, fieldErrors, values };
  Object.assign(fieldErrors, problemsByQuestion(answers, result.error.paths ?? {}));
  const unplaced = Object.keys(fieldErrors).length === 0 || result.error.code !== 'BAD_USER_INPUT';
  return { ok: false, error: unplaced ? result.error : null, fieldErrors, values };
}
