import { badInput } from '@portal/errors';
import { rankScore } from '@portal/text';

/** What ranking needs of each matching article (fetched with a small projection). */
export interface SearchCandidate {
  id: string;
  title: string;
  titleTokens: readonly string[];
  publishedAt: Date;
}

export interface RankedCandidate {
  id: string;
  score: number;
  publishedAt: number;
}

/**
 * Orders matches by relevance (a title phrase, then title words, above body-only matches),
 * then newest first, then by id so the order is total and pages never overlap.
 */
export function rankCandidates(
  query: readonly string[],
  candidates: readonly SearchCandidate[],
): RankedCandidate[] {
  return candidates
    .map((c) => ({
      id: c.id,
      score: rankScore({ query: [...query], titleTokens: c.titleTokens, title: c.title }),
      publishedAt: c.publishedAt.getTime(),
    }))
    .sort(compareRanked);
}

export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return (
    b.score - a.score || b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

/** A search cursor names the last result's place in the order: (score, publishedAt, id). */
export function encodeSearchCursor(r: RankedCandidate): string {
  return Buffer.from(JSON.stringify(['s', r.score, r.publishedAt, r.id])).toString('base64url');
}

export function decodeSearchCursor(cursor: string): RankedCandidate {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 4 &&
      v[0] === 's' &&
      typeof v[1] === 'number' &&
      typeof v[2] === 'number' &&
      typeof v[3] === 'string'
    )
      return { score: v[1], publishedAt: v[2], id: v[3] };
  } catch {
    // fall through
  }
  throw badInput('after', 'is not a valid cursor');
}

/**
 * One page of ranked results strictly after `after` in rank order: keyset pagination over
 * the computed order, so results inserted meanwhile never duplicate or skip a result.
 */
export function pageOfRanked(
  ranked: readonly RankedCandidate[],
  first: number,
  after: RankedCandidate | null,
): { page: RankedCandidate[]; hasNextPage: boolean } {
  const start = after ? ranked.findIndex((r) => compareRanked(r, after) > 0) : 0;
  if (start < 0) return { page: [], hasNextPage: false };
  const page = ranked.slice(start, start + first);
  return { page, hasNextPage: start + first < ranked.length };
}
