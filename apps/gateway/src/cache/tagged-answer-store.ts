import type { Redis } from 'ioredis';
import type { Logger } from '@portal/logger';
import type { AnswerTag } from './answer-tags';

/** Purge marks outlive every answer that could have been computed before them. */
const PURGE_MARK_SECONDS = 24 * 3600;

// KEYS: entry, seq. ARGV: value, ttl, startSeq, tag-set prefix, purge-mark prefix, tags...
// Stores the answer and indexes it under each tag, unless one of its tags was purged after
// the request started (the answer may hold what that purge removed).
const STORE = `
local startSeq = tonumber(ARGV[3])
for i = 6, #ARGV do
  local mark = redis.call('GET', ARGV[5] .. ARGV[i])
  if mark and tonumber(mark) > startSeq then return 0 end
end
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'EX', ttl)
for i = 6, #ARGV do
  local set = ARGV[4] .. ARGV[i]
  redis.call('SADD', set, KEYS[1])
  if redis.call('TTL', set) < ttl then redis.call('EXPIRE', set, ttl) end
end
return 1
`;

// KEYS: seq. ARGV: tag-set prefix, purge-mark prefix, mark seconds, tags...
// Deletes every answer indexed under the tags and marks the tags purged at a new sequence number.
const PURGE = `
local seq = redis.call('INCR', KEYS[1])
local deleted = 0
for i = 4, #ARGV do
  local set = ARGV[1] .. ARGV[i]
  local members = redis.call('SMEMBERS', set)
  for j = 1, #members, 500 do
    deleted = deleted + redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', set)
  redis.call('SET', ARGV[2] .. ARGV[i], seq, 'EX', tonumber(ARGV[3]))
end
return deleted
`;

export interface StoredAnswer {
  data: Record<string, unknown>;
  cachePolicy: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' };
  /** Epoch ms when it was computed. */
  cacheTime: number;
}

/**
 * Cached answers in Redis, indexed by tag so that a change purges exactly the answers that
 * hold it. Every gateway replica shares it. Like every cache here it never fails a request:
 * when Redis is away reads miss and writes are dropped, with a warning.
 */
export class TaggedAnswerStore {
  private readonly seqKey: string;

  constructor(
    private readonly redis: Redis,
    /** e.g. `portal:gw:rc:` */
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.seqKey = `${prefix}seq`;
  }

  /** The answer stored under `key`, and the purge sequence number to store a new one against. */
  async get(key: string): Promise<{ answer: StoredAnswer | null; seq: number }> {
    try {
      const [value, seq] = await this.redis.mget(this.entryKey(key), this.seqKey);
      return { answer: value ? (JSON.parse(value) as StoredAnswer) : null, seq: Number(seq ?? 0) };
    } catch (err) {
      this.logger.warn({ err }, 'response cache read failed; treating as a miss');
      return { answer: null, seq: Number.NaN };
    }
  }

  /** Stores an answer computed after purge number `startSeq`; false when a later purge voids it. */
  async set(
    key: string,
    answer: StoredAnswer,
    ttlSeconds: number,
    startSeq: number,
    tags: readonly AnswerTag[],
  ): Promise<boolean> {
    if (!Number.isFinite(startSeq) || ttlSeconds <= 0) return false;
    try {
      const stored = await this.redis.eval(
        STORE,
        2,
        this.entryKey(key),
        this.seqKey,
        JSON.stringify(answer),
        String(Math.ceil(ttlSeconds)),
        String(startSeq),
        `${this.prefix}tag:`,
        `${this.prefix}purged:`,
        ...tags,
      );
      return stored === 1;
    } catch (err) {
      this.logger.warn({ err }, 'response cache write failed');
      return false;
    }
  }

  /** Deletes every answer holding one of the tags; returns how many. */
  async purge(tags: readonly AnswerTag[]): Promise<number> {
    if (!tags.length) return 0;
    return (await this.redis.eval(
      PURGE,
      1,
      this.seqKey,
      `${this.prefix}tag:`,
      `${this.prefix}purged:`,
      String(PURGE_MARK_SECONDS),
      ...tags,
    )) as number;
  }

  private entryKey(key: string): string {
    return `${this.prefix}a:${key}`;
  }
}
