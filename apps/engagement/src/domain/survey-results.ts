import { allQuestions, CHOICE_TYPES, type SurveySection, type QuestionType } from './survey-types';

export interface OptionResult {
  optionId: string;
  label: string;
  count: number;
  share: number;
  averageRank: number | null;
}

export interface RatingCount {
  value: number;
  count: number;
  share: number;
}

export interface QuestionResult {
  questionId: string;
  type: QuestionType;
  answered: number;
  options: OptionResult[];
  ratings: RatingCount[];
  averageRating: number | null;
}

export interface SurveyResults {
  responseCount: number;
  questions: QuestionResult[];
}

const share = (count: number, of: number) =>
  of === 0 ? 0 : Math.round((count / of) * 10_000) / 10_000;

/** Counts and shares per question from the tally counts (see `tallyKeys`). */
export function buildResults(
  sections: readonly SurveySection[],
  tally: ReadonlyMap<string, number>,
  responseCount: number,
): SurveyResults {
  const n = (key: string) => tally.get(key) ?? 0;
  const questions = allQuestions(sections).map((q): QuestionResult => {
    const answered = n(q.id);
    const options: OptionResult[] = CHOICE_TYPES.includes(q.type)
      ? q.options.map((o) => {
          if (q.type !== 'RANKING') {
            const count = n(`${q.id}=${o.id}`);
            return {
              optionId: o.id,
              label: o.label,
              count,
              share: share(count, answered),
              averageRank: null,
            };
          }
          // A ranking counts the times the option came first, and averages its positions.
          let ranked = 0;
          let sum = 0;
          for (let pos = 1; pos <= q.options.length; pos++) {
            const c = n(`${q.id}@${o.id}=${pos}`);
            ranked += c;
            sum += c * pos;
          }
          const first = n(`${q.id}@${o.id}=1`);
          return {
            optionId: o.id,
            label: o.label,
            count: first,
            share: share(first, answered),
            averageRank: ranked ? Math.round((sum / ranked) * 100) / 100 : null,
          };
        })
      : [];
    const ratings: RatingCount[] = [];
    let averageRating: number | null = null;
    if (q.type === 'RATING') {
      let total = 0;
      let sum = 0;
      for (let v = q.scaleMin!; v <= q.scaleMax!; v++) {
        const count = n(`${q.id}#${v}`);
        ratings.push({ value: v, count, share: share(count, answered) });
        total += count;
        sum += count * v;
      }
      averageRating = total ? Math.round((sum / total) * 100) / 100 : null;
    }
    return { questionId: q.id, type: q.type, answered, options, ratings, averageRating };
  });
  return { responseCount, questions };
}
