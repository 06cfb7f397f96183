import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { cityDay, counterField, type CountedMetric } from '../domain/counting';

/** A client's repeat of the same count is ignored until this long after its first one. */
const SEEN_TTL_SECONDS = 36 * 3600;

// Marks (client, item, day) as seen and counts it, in one step: a crash between the two
// can neither lose a count nor count twice.
const RECORD_ONCE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  return 1
end
return 0`;

// Moves the pending counts aside as a numbered batch, so counting goes on while it is flushed.
const CUT_BATCH = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[1])
  return 1
end
return 0`;

const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Hot counters (views, downloads) in Redis, never as concurrent `$inc` on a MongoDB
 * document: each count is an atomic SET NX (one per client, item and city day) plus
 * HINCRBY on a pending hash; one periodic job cuts the hash into a batch and adds it to
 * MongoDB. Every key shares one hash tag so the scripts also run on Redis Cluster.
 */
export class ItemCounters {
  private readonly base: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.base = `${prefix}:{library-counters}`;
  }

  /** Counts `metric` for the item once per client per day; true when this call counted. */
  async recordOnce(
    metric: CountedMetric,
    itemId: string,
    client: string,
    at = new Date(),
  ): Promise<boolean> {
    const seen = `${this.base}:seen:${metric}:${cityDay(at)}:${itemId}:${client}`;
    const result = await this.redis.eval(
      RECORD_ONCE,
      2,
      seen,
      this.pendingKey,
      SEEN_TTL_SECONDS,
      counterField(metric, itemId),
    );
    return result === 1;
  }

  /** Counts not yet flushed (for tests and diagnostics). */
  pending(): Promise<Record<string, string>> {
    return this.redis.hgetall(this.pendingKey);
  }

  /** Moves pending counts into a new batch; returns its id, or null when nothing was pending. */
  async cutBatch(): Promise<string | null> {
    // Time-ordered ids: batches are added to MongoDB oldest first (see flushCounters).
    const id = `${Date.now().toString().padStart(15, '0')}-${randomBytes(4).toString('hex')}`;
    const cut = await this.redis.eval(
      CUT_BATCH,
      3,
      this.pendingKey,
      this.batchKey(id),
      this.batchesKey,
      id,
    );
    return cut === 1 ? id : null;
  }

  /** Batches cut but not yet flushed completely, oldest first. */
  async openBatches(): Promise<string[]> {
    return (await this.redis.smembers(this.batchesKey)).sort();
  }

  batchCounts(id: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.batchKey(id));
  }

  /** Forgets a batch once every item in it has been added to MongoDB. */
  async closeBatch(id: string): Promise<void> {
    await this.redis.multi().del(this.batchKey(id)).srem(this.batchesKey, id).exec();
  }

  /** A lease so that one flush runs at a time across worker processes. */
  async acquireFlushLock(ttlMs: number): Promise<(() => Promise<void>) | null> {
    const token = randomBytes(12).toString('hex');
    const key = `${this.base}:flush-lock`;
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return null;
    return async () => {
      await this.redis.eval(RELEASE_LOCK, 1, key, token);
    };
  }

  private get pendingKey(): string {
    return `${this.base}:pending`;
  }

  private get batchesKey(): string {
    return `${this.base}:batches`;
  }

  private batchKey(id: string): string {
    return `${this.base}:batch:${id}`;
  }
}
