// A survey as a plain HTML form: the names its inputs carry, the answers a submitted form
// holds, and the graph's problems (`answers.<index>.…`) put back on their questions.
import type { AnswerInput, QuestionType } from '../__generated__/graphql';

/** What the form needs of a survey (SurveyPage's sections, or a poll's). */
export interface SurveyForm {
  sections: readonly {
    questions: readonly { id: string; type: QuestionType; options: readonly { id: string }[] }[];
  }[];
}

export type RankProblem = 'rankDuplicate' | 'rankIncomplete';

/**
 * The answers a submitted form holds, one per question in the survey's order (empty ones too,
 * so the graph's problems keep the question's index). Inputs: `q.<question>` for choices,
 * ratings and text; `r.<question>.<option>` for the rank given to each option.
 */
export function answersFromForm(
  survey: SurveyForm,
  form: FormData,
): { answers: AnswerInput[]; problems: Record<string, RankProblem> } {
  const answers: AnswerInput[] = [];
  const problems: Record<string, RankProblem> = {};
  for (const q of survey.sections.flatMap((s) => s.questions)) {
    const name = `q.${q.id}`;
    switch (q.type) {
      case 'SINGLE_CHOICE':
      case 'MULTIPLE_CHOICE':
        answers.push({
          questionId: q.id,
          optionIds: form.getAll(name).map(String).filter(Boolean),
        });
        break;
      case 'RATING': {
        const value = Number(form.get(name));
        answers.push(
          form.get(name) && Number.isInteger(value)
            ? { questionId: q.id, rating: value }
            : { questionId: q.id },
        );
        break;
      }
      case 'RANKING': {
        const ranks = q.options.map((o) => ({
          id: o.id,
          rank: Number(form.get(`r.${q.id}.${o.id}`) || 0),
        }));
        const given = ranks.filter((r) => r.rank > 0);
        if (given.length === 0) answers.push({ questionId: q.id, ranking: [] });
        else {
          if (given.length < ranks.length) problems[q.id] = 'rankIncomplete';
          else if (new Set(given.map((r) => r.rank)).size < given.length)
            problems[q.id] = 'rankDuplicate';
          answers.push({
            questionId: q.id,
            ranking: [...given].sort((a, b) => a.rank - b.rank).map((r) => r.id),
          });
        }
        break;
      }
      case 'SHORT_TEXT':
      case 'LONG_TEXT':
        answers.push({ questionId: q.id, text: String(form.get(name) ?? '') });
        break;
    }
  }
  return { answers, problems };
}

/** The graph's problems by question id: `answers.2.optionIds` belongs to the third answer's question. */
export function problemsByQuestion(
  answers: readonly AnswerInput[],
  paths: Record<string, string>,
): Record<string, string> {
  const byQuestion: Record<string, string> = {};
  for (const [path, message] of Object.entries(paths)) {
    const index = /^answers\.(\d+)(\.|$)/.exec(path)?.[1];
    const questionId = index !== undefined ? answers[Number(index)]?.questionId : undefined;
    if (questionId) byQuestion[questionId] = message;
  }
  return byQuestion;
}
