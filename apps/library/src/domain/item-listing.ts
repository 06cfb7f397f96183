import { badInput } from '@portal/errors';
import { fold, queryTokens, rankScore, slugify } from '@portal/text';
import { decodeCursor, encodeCursor, pageSize } from '@portal/db';
import type { Audience, ItemStatus, MediaFormat } from './library-item';
import type { ItemFilterInput, ItemSort } from './library-item-input';

/** A listing request in the terms the item store understands. */
export interface ItemCriteria {
  status: ItemStatus;
  createdById: string | null;
  format: MediaFormat | null;
  topicKey: string | null;
  audience: Audience | null;
  publisherKey: string | null;
  language: string | null;
  collectionId: string | null;
  /** Folded search words, all of which must match; empty for no search. */
  tokens: string[];
  sort: ItemSort;
}

/** The key topics are matched by: "Chính phủ số" and "chinh phu so" are one topic. */
export function topicKey(topic: string): string {
  return slugify(topic);
}

/** The key publishers are matched by (case and accents ignored). */
export function publisherKey(publisher: string): string {
  return fold(publisher).replace(/\s+/g, ' ').trim();
}

/**
 * Turns a validated filter and the viewer's scope into criteria. RELEVANCE is the
 * default with a search and means nothing without one (then NEWEST).
 */
export function itemCriteria(
  filter: ItemFilterInput,
  scope: { status: ItemStatus; createdById: string | null },
): ItemCriteria {
  const tokens = filter.search ? queryTokens(filter.search) : [];
  let sort: ItemSort = filter.sort ?? (tokens.length ? 'RELEVANCE' : 'NEWEST');
  if (sort === 'RELEVANCE' && tokens.length === 0) sort = 'NEWEST';
  return {
    status: scope.status,
    createdById: scope.createdById,
    format: filter.format ?? null,
    topicKey: filter.topic ? topicKey(filter.topic) : null,
    audience: filter.audience ?? null,
    publisherKey: filter.publisher ? publisherKey(filter.publisher) : null,
    language: filter.language ?? null,
    collectionId: filter.collectionId ?? null,
    tokens,
    sort,
  };
}

/** What relevance ranking needs to know about a matching item. */
export interface RankCandidate {
  id: string;
  title: string;
  titleTokens: readonly string[];
  /** When it was published (or created, for drafts): the tie-breaker, newest first. */
  at: Date;
}

export interface RankedPage {
  ids: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * One page of search results in relevance order: score (title phrase, then title words),
 * then newest, then id. The cursor holds the last row's sort key, so paging stays free
 * of duplicates and gaps while items are added.
 */
export function relevancePage(
  candidates: readonly RankCandidate[],
  tokens: string[],
  first: number | null | undefined,
  after: string | null | undefined,
): RankedPage {
  const limit = pageSize(first);
  const keyed = candidates.map((c) => ({
    id: c.id,
    key: [
      rankScore({ query: tokens, titleTokens: c.titleTokens, title: c.title }),
      c.at.getTime(),
      c.id,
    ] as const,
  }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  let start = 0;
  if (after) {
    const cursor = decodeRelevanceCursor(after);
    start = keyed.findIndex((row) => compareKeys(row.key, cursor) > 0);
    if (start === -1) start = keyed.length;
  }
  const page = keyed.slice(start, start + limit);
  const last = page.at(-1);
  return {
    ids: page.map((row) => row.id),
    hasNextPage: start + limit < keyed.length,
    endCursor: last ? encodeCursor([last.key[0], new Date(last.key[1]), last.key[2]]) : null,
  };
}

function decodeRelevanceCursor(after: string): readonly [number, number, string] {
  const [score, at, id] = decodeCursor(after, 3);
  // EJSON hands numbers back as BSON Int32/Double wrappers.
  const n = Number(score);
  if (!Number.isFinite(n) || !(at instanceof Date) || typeof id !== 'string')
    throw badInput('after', 'is not a valid cursor');
  return [n, at.getTime(), id];
}

/** Higher score first, then newer, then larger id (matching the NEWEST order). */
function compareKeys(
  a: readonly [number, number, string],
  b: readonly [number, number, string],
): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  if (a[1] !== b[1]) return b[1] - a[1];
  return a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : 0;
}

/** Relevance ranks at most this many of the newest matches, to bound memory per request. */
export const MAX_RANKED_CANDIDATES = 1000;
