import { joinUpTo, words } from '@portal/text';

/**
 * Words that carry no topic (Vietnamese and English question words, particles), folded. They
 * are left out of query terms; documents keep them (they cost nothing in BM25).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'la cua va co cac nhung duoc cho trong voi de thi nay do khi nao gi bao nhieu o tai ve mot ' +
    'ai toi ban hay khong chua da se dang can muon lam sao nhu tu den theo ra vao len cung ' +
    'hoi xin vui long giup minh em anh chi the nhe a u ha vay roi con nua hien nay thuoc ' +
    'the a an is are was what how many much of in on for to and or which where who whom do ' +
    'does can i my me about please tell there list show'
  ).split(/\s+/),
);

/** Terms of a text for the index: folded words and adjacent-word pairs (`chuyen_doi`). */
export function indexTerms(text: string): string[] {
  const w = words(text);
  const terms = [...w];
  for (let i = 0; i + 1 < w.length; i++) terms.push(`${w[i]}_${w[i + 1]}`);
  return terms;
}

/** The topic words of a question (folded, stop words out, order kept, no repeats). */
export function queryWords(question: string): string[] {
  return [...new Set(words(question).filter((w) => !STOPWORDS.has(w)))].slice(0, 24);
}

/** A question's terms: its topic words and the pairs of adjacent words of the question. */
export function queryTerms(question: string): string[] {
  const all = words(question);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < all.length; i++) {
    const [a, b] = [all[i]!, all[i + 1]!];
    if (!(STOPWORDS.has(a) && STOPWORDS.has(b))) pairs.push(`${a}_${b}`);
  }
  return [...new Set([...queryWords(question), ...pairs])].slice(0, 48);
}

/** Sentences of plain text (Vietnamese punctuation rules are the same as English ones). */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…])\s+(?=["“(]?[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

/** Splits text into passages of whole sentences, about `target` characters each. */
export function chunkText(text: string, target = 600): string[] {
  return joinUpTo(sentences(text), target);
}
