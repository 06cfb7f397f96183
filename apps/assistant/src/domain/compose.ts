import { words } from '@portal/text';
import type { Scored } from '../retrieval/bm25';
import { sentences } from '../retrieval/terms';

/** A passage worth citing, with the sentences of it the answer uses. */
export interface Selected {
  scored: Scored;
  used: string[];
}

/** The top passage must hold at least this (IDF-weighted) share of the question's topic words. */
export const MIN_COVERAGE = 0.6;
/** Other passages are cited when they score at least this share of the top one. */
const RELATIVE_SCORE = 0.6;
const MAX_CITATIONS = 3;
const SENTENCES_PER_PASSAGE = 2;

/** True when the best passage is relevant enough to answer from. */
export function relevant(ranked: readonly Scored[], topicWords: readonly string[]): boolean {
  const top = ranked[0];
  return Boolean(top && topicWords.length && top.coverage >= MIN_COVERAGE);
}

/**
 * The passages an extractive answer cites (distinct sources, close to the best one) and,
 * for each, the one or two sentences that hold most of the question's words, in order.
 */
export function selectPassages(
  ranked: readonly Scored[],
  topicWords: readonly string[],
): Selected[] {
  if (!relevant(ranked, topicWords)) return [];
  const top = ranked[0]!;
  const picked: Scored[] = [];
  const seen = new Set<string>();
  for (const s of ranked) {
    if (picked.length >= MAX_CITATIONS) break;
    const key = s.passage.citeId;
    if (seen.has(key)) continue;
    if (s !== top && (s.score < top.score * RELATIVE_SCORE || s.coverage < MIN_COVERAGE)) continue;
    seen.add(key);
    picked.push(s);
  }
  const wanted = new Set(topicWords);
  return picked.map((scored) => {
    const all = sentences(scored.passage.text);
    const score = (s: string) => new Set(words(s).filter((w) => wanted.has(w))).size;
    const best = all
      .map((s, i) => ({ s, i, n: score(s) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .slice(0, SENTENCES_PER_PASSAGE)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.s);
    return { scored, used: best.length ? best : all.slice(0, 1) };
  });
}

/** A sentence with its citation mark(s), as shown. */
export function cite(text: string, indexes: readonly number[]): string {
  const body = text.trim();
  return `${body} ${indexes.map((i) => `[${i}]`).join('')}`;
}
