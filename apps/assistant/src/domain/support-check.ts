import { words } from '@portal/text';
import { STOPWORDS, sentences } from '../retrieval/terms';

export interface CheckedSentence {
  text: string;
  citations: number[];
  supported: boolean;
}

/** Share of a sentence's content words that must appear in its cited passages. */
export const SUPPORT_THRESHOLD = 0.75;

/**
 * Splits a model's answer into sentences and checks each: it must cite at least one of the
 * given passages as [n], and most of its content words (every number among them) must appear
 * in the passages it cites.
 */
export function checkSentences(answer: string, passages: readonly string[]): CheckedSentence[] {
  return sentences(answer.replace(/\s*(\[\d+\])/g, '$1')).map((raw) => {
    const citations = [...new Set([...raw.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
    const text = raw.replace(/\s*\[\d+\]/g, '').trim();
    const valid = citations.filter((n) => n >= 1 && n <= passages.length);
    if (!valid.length || valid.length !== citations.length)
      return { text, citations: valid, supported: false };
    const source = new Set(valid.flatMap((n) => words(passages[n - 1]!)));
    const content = words(text).filter((w) => !STOPWORDS.has(w));
    if (!content.length) return { text, citations: valid, supported: false };
    const numbersOk = content.filter((w) => /\d/.test(w)).every((w) => source.has(w));
    const share = content.filter((w) => source.has(w)).length / content.length;
    return { text, citations: valid, supported: numbersOk && share >= SUPPORT_THRESHOLD };
  });
}
