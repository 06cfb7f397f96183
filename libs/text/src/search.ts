import { words } from './fold';

const MAX_QUERY_TOKENS = 12;
const MAX_TOKEN_LENGTH = 40;

/**
 * Distinct folded tokens to store beside a document for accent-insensitive search
 * (queried with `$all` on an ordinary multikey index; FerretDB has no `$text`).
 */
export function searchTokens(...texts: (string | null | undefined)[]): string[] {
  const set = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) if (word.length <= MAX_TOKEN_LENGTH) set.add(word);
  }
  return [...set];
}

/** Tokens of a user's query; every one must match. Empty when the query has no words. */
export function queryTokens(query: string): string[] {
  return searchTokens(query).slice(0, MAX_QUERY_TOKENS);
}

export interface RankInput {
  query: string[];
  titleTokens: readonly string[];
  /** The title's words in order, for the phrase bonus. */
  title: string;
}

/**
 * A relevance score: title matches rank above body-only matches, and the query
 * appearing as a phrase in the title ranks highest. Callers break ties by recency.
 */
export function rankScore({ query, titleTokens, title }: RankInput): number {
  if (query.length === 0) return 0;
  const inTitle = new Set(titleTokens);
  const titleHits = query.filter((t) => inTitle.has(t)).length;
  const phrase = ` ${words(title).join(' ')} `.includes(` ${query.join(' ')} `) ? 1 : 0;
  return phrase * 100 + titleHits * 10;
}

/** Strip HTML to plain text for indexing and excerpts. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first `max` characters of plain text, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
