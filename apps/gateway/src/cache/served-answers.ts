import type { AnswerTag } from './answer-tags';

/** An anonymous answer as it was sent: replayed byte for byte while it is fresh. */
export interface ServedAnswer {
  status: number;
  /** Every header the GraphQL server set, but `age` (computed when it is sent again). */
  headers: readonly (readonly [string, string])[];
  /** The body's UTF-8 bytes: encoded once when kept, not again at each replay. */
  body: Buffer;
  /** Epoch ms when the data was computed (a hit of the shared store keeps the first time). */
  cacheTime: number;
  /** Epoch ms after which it is not sent again (the data's max-age). */
  expiresAt: number;
  tags: readonly AnswerTag[];
  /** The operation's name, for the metrics of a replayed answer. */
  operationName: string | null;
}

export interface ServedAnswersOptions {
  entries: number;
  /** Bodies (bytes) and keys (UTF-16 code units) together. */
  size: number;
  /**
   * How long after the last read of the graph-change stream answers are still served and
   * kept: a replica that cannot follow the changes (Redis away) cannot know what they purge.
   */
  followedWithinMs: number;
}

/**
 * The response cache's first level, in this process: the answers this replica has sent to
 * anonymous callers, by request (see `servedAnswerKey`), so a repeat is answered without
 * running the GraphQL pipeline or asking Redis. It holds only what the shared store
 * (TaggedAnswerStore) would serve, forgets it at the same purges (this replica follows the
 * graph changes too) and at its max-age, and keeps the most recently used within its limits.
 * It serves nothing while the replica is not following the changes (see `following`).
 */
export class ServedAnswers {
  private readonly entries = new Map<string, ServedAnswer>();
  private size = 0;
  private purges = 0;
  private followedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: ServedAnswersOptions = {
      entries: 2000,
      size: 16 * 1024 * 1024,
      followedWithinMs: 5000,
    },
  ) {}

  /** Called after each read of the graph-change stream (its purges handled). */
  following(now = Date.now()): void {
    this.followedAt = now;
  }

  private trusted(now: number): boolean {
    return now - this.followedAt <= this.options.followedWithinMs;
  }

  /** Taken before an answer is computed; `keep` refuses it if a purge came in between. */
  mark(): number {
    return this.purges;
  }

  get(key: string, now = Date.now()): ServedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry || !this.trusted(now)) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= now) {
      this.size -= sizeOf(key, entry);
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  /** Keeps an answer computed after `mark`; false when a purge since may have voided it. */
  keep(key: string, answer: ServedAnswer, mark: number, now = Date.now()): boolean {
    if (mark !== this.purges || !this.trusted(now) || answer.expiresAt <= now) return false;
    const size = sizeOf(key, answer);
    if (size > this.options.size / 8) return false;
    this.drop(key);
    this.entries.set(key, answer);
    this.size += size;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.options.entries && this.size <= this.options.size) break;
      this.drop(oldest);
    }
    return true;
  }

  /** Forgets every answer holding one of the tags; returns how many. */
  purge(tags: readonly AnswerTag[]): number {
    this.purges++;
    const purged = new Set(tags);
    let count = 0;
    for (const [key, entry] of this.entries)
      if (entry.tags.some((tag) => purged.has(tag))) {
        this.drop(key);
        count++;
      }
    return count;
  }

  get count(): number {
    return this.entries.size;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.size -= sizeOf(key, entry);
  }
}

function sizeOf(key: string, answer: ServedAnswer): number {
  return key.length + answer.body.length;
}
