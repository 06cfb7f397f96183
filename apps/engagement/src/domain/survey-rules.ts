import { createHmac } from 'node:crypto';
import { hasRole, isSignedIn, type Viewer } from '@portal/auth';
import {
  badInput,
  DomainError,
  forbidden,
  unauthenticated,
  type FieldProblem,
} from '@portal/errors';
import { stripAllTags } from '@portal/html';
import type { AnswersInput } from './survey-input';
import {
  allQuestions,
  TEXT_TYPES,
  type Answer,
  type Audience,
  type ResultsVisibility,
  type SurveySection,
  type SurveyStatus,
  type SurveyTiming,
} from './survey-types';

/** Editors (and admins) build surveys and read every result. */
export function isSurveyEditor(viewer: Viewer): boolean {
  return hasRole(viewer, 'editor');
}

export function surveyStatus(s: SurveyTiming, now: Date): SurveyStatus {
  if (!s.publishedAt) return 'DRAFT';
  if (s.closedAt && s.closedAt <= now) return 'CLOSED';
  if (s.closesAt && s.closesAt <= now) return 'CLOSED';
  if (s.opensAt && s.opensAt > now) return 'SCHEDULED';
  return 'OPEN';
}

/** Drafts are for editors; published surveys for everyone. */
export function canSeeSurvey(viewer: Viewer, s: SurveyTiming): boolean {
  return s.publishedAt !== null || isSurveyEditor(viewer);
}

export function resultsVisible(
  viewer: Viewer,
  s: SurveyTiming & { resultsVisibility: ResultsVisibility },
  now: Date,
): boolean {
  if (isSurveyEditor(viewer)) return true;
  const status = surveyStatus(s, now);
  if (status === 'DRAFT') return false;
  switch (s.resultsVisibility) {
    case 'LIVE':
      return status === 'OPEN' || status === 'CLOSED';
    case 'AFTER_CLOSE':
      return status === 'CLOSED';
    case 'NEVER':
      return false;
  }
}

/** Who is answering, as the survey records it. */
export interface Respondent {
  /** One response per key: `u:<person>` (named), `h:<hash of person>` (anonymous), `c:<client>`. */
  key: string;
  /** Kept only for named surveys. */
  userId: string | null;
  displayName: string | null;
  /** The respondent's unit, for per-unit results. */
  unit: string | null;
}

export interface AudienceRules {
  audience: Audience;
  audienceUnits: string[];
  anonymous: boolean;
}

/**
 * Who may answer, and under which key: UNAUTHENTICATED or FORBIDDEN when the viewer is
 * outside the audience. Anonymous answers from people who are not signed in are keyed by
 * the client key the gateway derives from the address.
 */
export function respondentFor(
  viewer: Viewer,
  clientKey: string | null,
  survey: AudienceRules,
  secret: string,
): Respondent {
  if (viewer.apiClient || viewer.service) throw forbidden('Only people answer surveys');
  if (!isSignedIn(viewer)) {
    if (survey.audience !== 'ANYONE' || !survey.anonymous) throw unauthenticated();
    if (!clientKey) throw forbidden('This client cannot be told apart; please sign in to answer');
    return { key: `c:${clientKey}`, userId: null, displayName: null, unit: null };
  }
  if (survey.audience === 'UNITS') {
    if (!viewer.department || !survey.audienceUnits.includes(viewer.department))
      throw forbidden('This survey is for civil servants of other units');
  }
  if (survey.anonymous) {
    // A keyed hash: still one response per person, but the stored key names nobody.
    const hash = createHmac('sha256', secret).update(viewer.id).digest('base64url');
    return { key: `h:${hash}`, userId: null, displayName: null, unit: viewer.department };
  }
  return {
    key: `u:${viewer.id}`,
    userId: viewer.id,
    displayName: viewer.displayName,
    unit: viewer.department,
  };
}

/** Saving a draft needs a person to come back to it. */
export function requireDraftRespondent(viewer: Viewer): void {
  if (!isSignedIn(viewer)) throw unauthenticated('Sign in to save a draft');
}

/** Answering is possible only while the survey is OPEN. */
export function requireOpen(s: SurveyTiming, now: Date): void {
  const status = surveyStatus(s, now);
  if (status === 'SCHEDULED') throw new DomainError('CONFLICT', 'The survey is not open yet');
  if (status === 'CLOSED') throw new DomainError('CONFLICT', 'The survey is closed');
}

/**
 * Checks answers against the survey's questions. `complete` (submission) also requires
 * every required question; a draft may be partial. Problems name the answer by index:
 * `answers.2.optionIds`.
 */
export function checkAnswers(
  sections: readonly SurveySection[],
  input: AnswersInput,
  complete: boolean,
): Answer[] {
  const questions = new Map(allQuestions(sections).map((q) => [q.id, q]));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const answers: Answer[] = [];
  const failed = new Set<number>();
  input.forEach((raw, i) => {
    const at = (field: string, message: string) => {
      failed.add(i);
      problems.push({ field: `answers.${i}${field ? `.${field}` : ''}`, message });
    };
    const q = questions.get(raw.questionId);
    if (!q) return at('questionId', 'is not a question of this survey');
    if (seen.has(q.id)) return at('questionId', 'is answered twice');
    seen.add(q.id);
    const optionIds = new Set(q.options.map((o) => o.id));
    const answer: Answer = {
      questionId: q.id,
      optionIds: [],
      rating: null,
      ranking: [],
      text: null,
    };
    switch (q.type) {
      case 'SINGLE_CHOICE':
      case 'MULTIPLE_CHOICE': {
        const chosen = [...new Set(raw.optionIds ?? [])];
        if (chosen.some((id) => !optionIds.has(id)))
          return at('optionIds', 'contains an option not in this question');
        if (q.type === 'SINGLE_CHOICE' && chosen.length > 1)
          return at('optionIds', 'must be one option');
        if (q.type === 'MULTIPLE_CHOICE' && chosen.length > 0) {
          if (q.maxChoices !== null && chosen.length > q.maxChoices)
            return at('optionIds', `must be at most ${q.maxChoices} options`);
          if (complete && q.minChoices !== null && chosen.length < q.minChoices)
            return at('optionIds', `must be at least ${q.minChoices} options`);
        }
        answer.optionIds = chosen;
        break;
      }
      case 'RATING': {
        if (raw.rating == null) break;
        if (raw.rating < q.scaleMin! || raw.rating > q.scaleMax!)
          return at('rating', `must be from ${q.scaleMin} to ${q.scaleMax}`);
        answer.rating = raw.rating;
        break;
      }
      case 'RANKING': {
        const ranking = raw.ranking ?? [];
        if (ranking.length === 0) break;
        if (
          ranking.length !== optionIds.size ||
          new Set(ranking).size !== ranking.length ||
          ranking.some((id) => !optionIds.has(id))
        )
          return at('ranking', 'must list every option of the question once');
        answer.ranking = ranking;
        break;
      }
      case 'SHORT_TEXT':
      case 'LONG_TEXT': {
        const text = stripAllTags(raw.text ?? '').trim();
        if (!text) break;
        if (text.length > q.maxLength!)
          return at('text', `must be at most ${q.maxLength} characters`);
        answer.text = text;
        break;
      }
    }
    if (isEmpty(answer)) return;
    answers.push(answer);
  });
  if (complete) {
    const answered = new Set(answers.map((a) => a.questionId));
    for (const q of questions.values()) {
      if (!q.required || answered.has(q.id)) continue;
      const index = input.findIndex((a) => a.questionId === q.id);
      if (failed.has(index)) continue;
      problems.push({
        field: index >= 0 ? `answers.${index}` : 'answers',
        message: `question ${q.id} is required`,
      });
    }
  }
  if (problems.length) throw badInput(problems);
  return answers;
}

function isEmpty(a: Answer): boolean {
  return !a.optionIds.length && a.rating === null && !a.ranking.length && a.text === null;
}

/**
 * The keys a response adds to the counts: `q1=q1-o2` per choice, `q3#4` per rating,
 * `q5@q5-o1=2` per ranked option (its position), `q7` per answered question. Results
 * are counted from these with one `$unwind`/`$group` pass.
 */
export function tallyKeys(
  sections: readonly SurveySection[],
  answers: readonly Answer[],
): string[] {
  const types = new Map(allQuestions(sections).map((q) => [q.id, q.type]));
  const keys: string[] = [];
  for (const a of answers) {
    const type = types.get(a.questionId);
    if (!type) continue;
    keys.push(a.questionId);
    if (TEXT_TYPES.includes(type)) continue;
    for (const o of a.optionIds) keys.push(`${a.questionId}=${o}`);
    if (a.rating !== null) keys.push(`${a.questionId}#${a.rating}`);
    a.ranking.forEach((o, i) => keys.push(`${a.questionId}@${o}=${i + 1}`));
  }
  return keys;
}
