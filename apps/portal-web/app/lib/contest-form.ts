// The contest forms' fields as the graph wants them, and the graph's problems put back on the
// fields that caused them (a page holds one scoring form and one promotion form per entry, so
// their fields are named after the entry).
import type { CriterionScoreInput, ContestWinnerInput } from '../__generated__/graphql';
import type { GraphError } from './graphql.server';

interface TeamMember {
  name: string;
  role?: string | null;
}

/** What was typed in a form of text fields, to show again when the graph refuses it. */
export function formValues(form: FormData): Record<string, string> {
  return Object.fromEntries([...form].map(([name, value]) => [name, String(value)]));
}

/** Team members typed one a line, as "Name, role" (the role optional). */
export function parseTeam(text: string): { name: string; role?: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.indexOf(',');
      if (comma < 0) return { name: line };
      const role = line.slice(comma + 1).trim();
      return { name: line.slice(0, comma).trim(), ...(role ? { role } : {}) };
    });
}

/** Who made an entry, as a line under it: its owner (unless in the team) and each member with their role. */
export function entryCredits(entry: {
  ownerName?: string | null;
  team: readonly TeamMember[];
}): string {
  const { ownerName, team } = entry;
  return [
    ...(ownerName && !team.some((m) => m.name === ownerName) ? [ownerName] : []),
    ...team.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)),
  ].join(', ');
}

/** A team as the entry form shows it: the inverse of parseTeam. */
export function teamText(team: readonly TeamMember[]): string {
  return team.map((m) => (m.role ? `${m.name}, ${m.role}` : m.name)).join('\n');
}

/** Problems with one team member (`team.1.name`) belong to the team field. */
export function entryProblems(error: GraphError): GraphError {
  const team = Object.entries(error.paths ?? {}).find(([path]) => path.startsWith('team'));
  return team ? { ...error, fields: { ...error.fields, team: team[1] } } : error;
}

/** The name of one criterion's score field of one entry. */
export function scoreField(entryId: string, criterionId: string): string {
  return `score-${entryId}-${criterionId}`;
}

/** The scores given to one entry, criteria left empty aside. */
export function scoresFromForm(
  form: Iterable<[string, unknown]>,
  entryId: string,
): CriterionScoreInput[] {
  const prefix = scoreField(entryId, '');
  return [...form]
    .filter(([name, value]) => name.startsWith(prefix) && String(value).trim() !== '')
    .map(([name, value]) => ({ criterionId: name.slice(prefix.length), score: Number(value) }));
}

/**
 * The graph's problems with a judge's form, on its fields: `scores.2.score` on the third score
 * sent, `scores` on the first, `comment` and `reason` on the entry's own.
 */
export function judgeProblems(
  error: GraphError,
  entryId: string,
  sent: readonly CriterionScoreInput[],
): GraphError {
  const fields = { ...error.fields };
  for (const [path, message] of Object.entries(error.paths ?? {})) {
    if (path === 'comment' || path === 'reason') fields[`${path}-${entryId}`] = message;
    if (!path.startsWith('scores')) continue;
    const index = /^scores\.(\d+)/.exec(path)?.[1];
    const score = sent[index === undefined ? 0 : Number(index)];
    if (score) fields[scoreField(entryId, score.criterionId)] = message;
  }
  return { ...error, fields };
}

/** The winners picked for each prize rank (`rank-1`: an entry id, or empty for none). */
export function winnersFromForm(form: Iterable<[string, unknown]>): ContestWinnerInput[] {
  return [...form]
    .filter(([name, value]) => /^rank-\d+$/.test(name) && String(value) !== '')
    .map(([name, value]) => ({ rank: Number(name.slice('rank-'.length)), entryId: String(value) }));
}

/** The graph names a promotion's fields once (`tryItUrl`); the page has them once per winner. */
export function promotionProblems(error: GraphError, entryId: string): GraphError {
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([name, message]) => [`${name}-${entryId}`, message]),
  );
  return { ...error, fields };
}
