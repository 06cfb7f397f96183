import type { PassageDoc } from '../models/passage.model';

export interface Scored {
  passage: PassageDoc;
  score: number;
  /**
   * Share of the question's topic words the passage (or its title) contains, each word
   * weighted by its IDF: a rare word missing (a topic the corpus does not hold) counts more
   * than a common one present.
   */
  coverage: number;
}

export interface CorpusStats {
  documents: number;
  averageLength: number;
}

const K1 = 1.2;
const B = 0.75;

/**
 * Okapi BM25 over folded terms (words and word pairs): rare terms weigh more, repeated
 * terms saturate, long passages are normalized. `df` counts passages holding each term.
 */
export function rankBm25(
  candidates: readonly PassageDoc[],
  terms: readonly string[],
  topicWords: readonly string[],
  df: ReadonlyMap<string, number>,
  stats: CorpusStats,
  weights: ReadonlyMap<string, number> = new Map(),
): Scored[] {
  const n = Math.max(stats.documents, 1);
  const avg = Math.max(stats.averageLength, 1);
  const idfOf = (t: string) => {
    const d = df.get(t) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const idf = new Map(terms.map((t) => [t, idfOf(t)]));
  const topicWeight = topicWords.reduce((sum, w) => sum + idfOf(w), 0);
  const scored: Scored[] = [];
  for (const passage of candidates) {
    const tf = new Map<string, number>();
    for (const t of passage.terms) if (idf.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const [t, f] of tf) {
      const norm = f + K1 * (1 - B + (B * passage.length) / avg);
      score += (weights.get(t) ?? 1) * idf.get(t)! * ((f * (K1 + 1)) / norm);
    }
    if (score <= 0) continue;
    const present = topicWords.reduce((sum, w) => sum + (tf.has(w) ? idfOf(w) : 0), 0);
    scored.push({ passage, score, coverage: topicWeight > 0 ? present / topicWeight : 0 });
  }
  return scored.sort((a, b) => b.score - a.score || a.passage._id.localeCompare(b.passage._id));
}
