import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

// Marks the client as seen (when the event has one) and counts, in one step: a crash between
// the two can neither lose a count nor count twice.
const RECORD = `
if #KEYS == 2 and not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then return 0 end
for i = 2, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1`;

// Moves the live counts aside as the newest batch, so counting goes on while it is folded in.
const SEAL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('RPUSH', KEYS[3], ARGV[1])
return 1`;

// Deletes the lease only if it is still ours (a flusher that overran its lease must not free another's).
const RELEASE_LEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** What one leased flush did. */
export interface DrainResult {
  /** False when another flusher held the lease. */
  ran: boolean;
  /** Batches folded into the database. */
  batches: number;
}

/**
 * The Redis half of every hot counter (views, downloads, opens): events are counted into a
 * live hash, never as concurrent `$inc` on a database document, and folded into the database
 * by one flusher at a time. Recording is one atomic script (de-duplication per client and
 * the count together); a flush takes a lease, seals the live hash into the newest batch (new
 * events start a fresh one) and folds the batches oldest first, forgetting each once folded.
 * A fold must be idempotent per batch (a flush that died half-way replays it): remember the
 * last batch folded into each document. Keys: `<base>:live|batches|batch:<id>|seen:…|flush-lock`.
 */
export class HotCountBuffer {
  protected readonly keys: {
    live: string;
    batches: string;
    lease: string;
    batch: (id: string) => string;
    seen: (id: string) => string;
  };

  constructor(
    protected readonly redis: Redis,
    /** `<keyPrefix>:<name>`: the deployment's prefix (QUEUE_PREFIX) and the counter's name. */
    protected readonly base: string,
  ) {
    this.keys = {
      live: `${base}:live`,
      batches: `${base}:batches`,
      lease: `${base}:flush-lock`,
      batch: (id) => `${base}:batch:${id}`,
      seen: (id) => `${base}:seen:${id}`,
    };
  }

  /**
   * Adds `increments` (hash field → n) to the live counts, unless `dedupe` names an event seen
   * within its window (`seen` identifies client and subject); true when counted.
   */
  async increment(
    increments: Readonly<Record<string, number>>,
    dedupe?: { seen: string; seconds: number } | null,
  ): Promise<boolean> {
    const keys = dedupe ? [this.keys.live, this.keys.seen(dedupe.seen)] : [this.keys.live];
    const args = [String(dedupe?.seconds ?? 0)];
    for (const [field, n] of Object.entries(increments)) args.push(field, String(n));
    return (await this.redis.eval(RECORD, keys.length, ...keys, ...args)) === 1;
  }

  /** Counts not yet sealed into a batch (for tests and diagnostics). */
  pending(): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys.live);
  }

  /**
   * Turns the live counts into the newest batch and returns its id, or null when nothing was
   * pending. Call under the flush lease (drain() does).
   */
  async sealLive(): Promise<string | null> {
    // Time-ordered ids, so a batch list read in any order still sorts oldest first.
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const sealed = await this.redis.eval(
      SEAL,
      3,
      this.keys.live,
      this.keys.batch(id),
      this.keys.batches,
      id,
    );
    return sealed === 1 ? id : null;
  }

  /** Batches sealed but not yet folded completely, oldest first. */
  batchIds(): Promise<string[]> {
    return this.redis.lrange(this.keys.batches, 0, -1);
  }

  /** The counts of one batch (hash field → n, as strings). */
  batchCounts(id: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys.batch(id));
  }

  /** Forgets a batch once it is folded in everywhere. */
  async closeBatch(id: string): Promise<void> {
    await this.redis.multi().del(this.keys.batch(id)).lrem(this.keys.batches, 1, id).exec();
  }

  /**
   * The one flush: under a lease of `leaseMs` (a flusher that dies frees it after that), runs
   * `before`, seals the live counts, folds every open batch oldest first with `fold` and
   * forgets it, then runs `after`. Returns at once, `ran: false`, while another flush holds it.
   */
  protected async drain(steps: {
    leaseMs: number;
    fold: (batchId: string) => Promise<void>;
    before?: () => Promise<void>;
    after?: (batchIds: readonly string[]) => Promise<void>;
  }): Promise<DrainResult> {
    const token = randomBytes(8).toString('hex');
    const locked = await this.redis.set(this.keys.lease, token, 'PX', steps.leaseMs, 'NX');
    if (locked === null) return { ran: false, batches: 0 };
    try {
      await steps.before?.();
      await this.sealLive();
      const batchIds = await this.batchIds();
      for (const batchId of batchIds) {
        await steps.fold(batchId);
        await this.closeBatch(batchId);
      }
      await steps.after?.(batchIds);
      return { ran: true, batches: batchIds.length };
    } finally {
      await this.redis.eval(RELEASE_LEASE, 1, this.keys.lease, token);
    }
  }
}
