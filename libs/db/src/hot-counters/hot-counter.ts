import type { Redis } from 'ioredis';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import type { Logger } from '@portal/logger';
import { findByIds } from '../by-ids';
import { insertOnce } from '../unique';
import {
  addCounts,
  aggregateBatch,
  counterField,
  pendingTotalField,
  zero,
  type BucketDelta,
  type Counts,
  type PeriodDelta,
} from './hot-counter-batch';
import type {
  HotBucketDoc,
  HotCounterModels,
  HotCounterSpec,
  HotPeriodDoc,
  HotReadersDoc,
  HotTotalDoc,
} from './hot-counter.model';
import { HotCountBuffer } from './hot-count-buffer';
import { mergePackedCounts, packCounts, unpackCounts } from './packed-counts';
import { dayKey, periodIdsOf, yearPeriodId } from './stat-periods';

export interface HotCounterOptions {
  redis: Redis;
  models: HotCounterModels;
  spec: HotCounterSpec;
  /** Redis key namespace: `<keyPrefix>:<name>:…` (`content:views`). */
  name: string;
  /** Redis key prefix of this deployment (QUEUE_PREFIX), so tests and stacks never share keys. */
  keyPrefix: string;
  /** Repeated events from one client on one subject within this many seconds count once. */
  dedupeSeconds: number;
  /** Hash-field counters written by an older version, and the counters they stand for. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  logger: Logger;
  now?: () => Date;
}

/** One event to count. */
export interface HotEvent {
  subjectId: string;
  /** The classes it counts in (`desktop`, `geoHcmc`…), each one of the spec's counters. */
  counters: readonly string[];
  /** Who it is for de-duplication (a client key or viewer id); without one every event counts. */
  client?: string | null;
  /**
   * The distinct-reader sets (HyperLogLog) it adds `reader` to, e.g. `all`, `kind:NEWS`;
   * `reader` identifies a person (signed in) or an address in a window, never the address.
   */
  readers?: { reader: string; scopes: readonly string[] } | null;
}

export interface FlushResult {
  /** False when another flusher held the lease. */
  ran: boolean;
  batches: number;
  buckets: number;
}

const LEASE_MS = 120_000;
const CHUNK = 500;
/** How long distinct-reader sets stay in Redis after their last event (the flush keeps a copy). */
const READERS_TTL_SECONDS: Record<string, number> = {
  D: 40 * 86_400,
  M: 400 * 86_400,
  Y: 800 * 86_400,
};
/** How long a set read back from MongoDB stays in Redis. */
const RESTORED_TTL_SECONDS = 3_600;

/**
 * Counts hot events (views, downloads, audio opens) in Redis and folds them into MongoDB
 * periodically: exact counts per subject, day, month and year in every counter class, and
 * approximate distinct readers (HyperLogLog, standard error 0.81 %) per scope and period.
 *
 * Recording is one atomic Redis script (see HotCountBuffer), never a database write. The
 * flush (the buffer's leased drain) is the only writer of the statistics collections: it
 * writes each affected document with `$set` of a total computed in code. Each document
 * remembers the last batch folded into it, so a flush interrupted half-way and replayed never
 * counts an event twice.
 */
export class HotCounter extends HotCountBuffer {
  private readonly statsKeys: {
    generation: string;
    readersDirty: string;
    readers: (scope: string, periodId: string) => string;
  };
  protected readonly now: () => Date;
  private readonly counters: Set<string>;
  /** Whether this process has made sure every year with month documents has its year document. */
  private yearsChecked = false;

  constructor(protected readonly options: HotCounterOptions) {
    const base = `${options.keyPrefix}:${options.name}`;
    super(options.redis, base);
    this.statsKeys = {
      generation: `${base}:generation`,
      readersDirty: `${base}:readers-dirty`,
      readers: (scope, periodId) => `${base}:readers:${scope}:${periodId}`,
    };
    this.now = options.now ?? (() => new Date());
    this.counters = new Set(options.spec.counters);
  }

  /** Counts one event unless its client had one on the subject within the window; true when counted. */
  async count(event: HotEvent): Promise<boolean> {
    for (const c of event.counters)
      if (!this.counters.has(c)) throw new Error(`unknown counter "${c}" of ${this.options.name}`);
    const day = dayKey(this.now());
    const increments: Record<string, number> = { [pendingTotalField(event.subjectId)]: 1 };
    for (const c of ['total', ...event.counters])
      increments[counterField(day, event.subjectId, c)] = 1;
    const counted = await this.increment(
      increments,
      event.client
        ? { seen: `${event.subjectId}:${event.client}`, seconds: this.options.dedupeSeconds }
        : null,
    );
    // Distinct readers are approximate anyway: adding one after its count is enough.
    if (counted && event.readers) {
      const tx = this.redis.multi();
      for (const scope of event.readers.scopes)
        for (const periodId of periodIdsOf(day)) {
          const key = this.statsKeys.readers(scope, periodId);
          tx.pfadd(key, event.readers.reader);
          tx.expire(key, READERS_TTL_SECONDS[periodId[0]!]!);
          tx.sadd(this.statsKeys.readersDirty, `${scope}|${periodId}`);
        }
      await tx.exec();
    }
    return counted;
  }

  /**
   * Adds counts of past days (an import, or demo data) to the pending counts; the next flush
   * folds them in like any other event.
   */
  async importEvents(
    rows: readonly { subjectId: string; day: string; counters: readonly string[]; count: number }[],
  ): Promise<void> {
    const pipeline = this.options.redis.pipeline();
    for (const r of rows) {
      if (r.count <= 0) continue;
      for (const c of ['total', ...r.counters])
        pipeline.hincrby(this.keys.live, counterField(r.day, r.subjectId, c), r.count);
      pipeline.hincrby(this.keys.live, pendingTotalField(r.subjectId), r.count);
    }
    await pipeline.exec();
  }

  /** Events per subject: flushed totals plus those still waiting in Redis. */
  async totals(subjectIds: readonly string[]): Promise<number[]> {
    if (subjectIds.length === 0) return [];
    const { redis, models } = this.options;
    const fields = subjectIds.map(pendingTotalField);
    const [totals, batchIds, live] = await Promise.all([
      findByIds<HotTotalDoc>(models.totals, subjectIds),
      this.batchIds(),
      redis.hmget(this.keys.live, ...fields),
    ]);
    const batchValues = await Promise.all(
      batchIds.map((id) => redis.hmget(this.keys.batch(id), ...fields)),
    );
    const byId = new Map(totals.map((t) => [t._id, t]));
    return subjectIds.map((id, i) => {
      const flushed = byId.get(id);
      // Batches up to the one last folded into this subject's total are already in it.
      const appliedUpTo = flushed ? batchIds.indexOf(flushed.lastFlushId) : -1;
      let pending = toInt(live[i]);
      batchValues.forEach((values, b) => {
        if (b > appliedUpTo) pending += toInt(values[i]);
      });
      return (flushed?.total ?? 0) + pending;
    });
  }

  /**
   * Distinct readers of `scope` in each group of period documents (the union of the group's
   * periods: see unionCover), from the HyperLogLogs: approximate, standard error 0.81 %.
   */
  async distinctReaders(scope: string, groups: readonly (readonly string[])[]): Promise<number[]> {
    const { redis } = this.options;
    const periodIds = [...new Set(groups.flat())];
    await this.restoreReaders(scope, periodIds);
    const pipeline = redis.pipeline();
    for (const group of groups)
      if (group.length) pipeline.pfcount(...group.map((p) => this.statsKeys.readers(scope, p)));
    const results = (await pipeline.exec()) ?? [];
    let r = 0;
    return groups.map((group) => {
      if (!group.length) return 0;
      const [err, n] = results[r++]!;
      if (err) throw err;
      return Number(n);
    });
  }

  /** Loads from MongoDB the reader sets that are no longer (or not yet) in Redis. */
  private async restoreReaders(scope: string, periodIds: readonly string[]): Promise<void> {
    if (!periodIds.length) return;
    const { redis, models } = this.options;
    const keys = periodIds.map((p) => this.statsKeys.readers(scope, p));
    const exists = await Promise.all(keys.map((k) => redis.exists(k)));
    const missing = periodIds.filter((_, i) => !exists[i]);
    if (!missing.length) return;
    const docs = await findByIds<HotReadersDoc>(
      models.readers,
      missing.map((p) => `${scope}|${p}`),
    );
    if (!docs.length) return;
    const pipeline = redis.pipeline();
    for (const d of docs) {
      const key = this.statsKeys.readers(scope, d._id.slice(scope.length + 1));
      // NX: a set that reappeared meanwhile holds newer readers; the flush merges the two.
      pipeline.set(key, Buffer.from(d.hll, 'base64'), 'EX', RESTORED_TTL_SECONDS, 'NX');
    }
    await pipeline.exec();
  }

  /** Folds every pending event into MongoDB. Safe to run anywhere: one flusher at a time. */
  async flush(): Promise<FlushResult> {
    let buckets = 0;
    const { ran, batches } = await this.drain({
      leaseMs: LEASE_MS,
      before: async () => {
        if (this.yearsChecked) return;
        await this.addMissingYears();
        this.yearsChecked = true;
      },
      fold: async (batchId) => void (buckets += await this.applyBatch(batchId)),
      after: async (batchIds) => {
        const readerSets = await this.saveReaders();
        if (!batchIds.length && !readerSets) return;
        // Statistics computed before this point are now stale.
        await this.redis.incr(this.statsKeys.generation);
        this.options.logger.debug(
          { batches: batchIds.length, buckets, readerSets },
          'hot counts flushed',
        );
      },
    });
    return { ran, batches, buckets };
  }

  /**
   * Copies the reader sets changed since the last flush into MongoDB, merged with the copy
   * already there (so a set that expired from Redis and started again loses nobody).
   */
  async saveReaders(): Promise<number> {
    const { redis, models } = this.options;
    const dirty = await redis.smembers(this.statsKeys.readersDirty);
    if (!dirty.length) return 0;
    const existing = new Map(
      (await findByIds<HotReadersDoc>(models.readers, dirty)).map((d) => [d._id, d.hll] as const),
    );
    const ops: UpsertOp[] = [];
    for (const id of dirty) {
      const bar = id.lastIndexOf('|');
      const key = this.statsKeys.readers(id.slice(0, bar), id.slice(bar + 1));
      const saved = existing.get(id);
      if (saved) {
        const tmp = `${key}:merge`;
        await redis
          .multi()
          .set(tmp, Buffer.from(saved, 'base64'), 'EX', 60)
          .pfmerge(key, key, tmp)
          .del(tmp)
          .exec();
      }
      const [bytes, readers] = await Promise.all([redis.getBuffer(key), redis.pfcount(key)]);
      if (!bytes) continue;
      ops.push(upsertOp(id, { hll: bytes.toString('base64'), readers }));
    }
    await bulkWriteChunks(models.readers, ops);
    await redis.srem(this.statsKeys.readersDirty, ...dirty);
    return ops.length;
  }

  /** Writes one batch into buckets, periods and totals; documents that already hold it are skipped. */
  async applyBatch(batchId: string): Promise<number> {
    const { models, spec } = this.options;
    const delta = aggregateBatch(
      await this.batchCounts(batchId),
      spec.counters,
      this.options.aliases,
    );

    const buckets = await applyOnce<HotBucketDoc, BucketDelta>(
      models.buckets,
      delta.buckets,
      batchId,
      (d, existing) => ({
        [spec.subjectField]: d.subjectId,
        day: d.day,
        ...addCounts(existing, d.counts),
      }),
    );
    await applyOnce<HotPeriodDoc, PeriodDelta>(
      models.periods,
      delta.periods,
      batchId,
      (d, existing, id) => ({
        ...addCounts(existing, d.counts),
        [spec.subjectsField]: mergePackedCounts(
          existing?.[spec.subjectsField] as string | undefined,
          d.subjects,
        ),
        ...monthDays(id, existing, d.days),
      }),
    );
    await applyOnce<HotTotalDoc, number>(models.totals, delta.totals, batchId, (n, existing) => ({
      total: (existing?.total ?? 0) + n,
    }));
    return buckets;
  }

  /**
   * Builds the year documents of years whose events were flushed before year documents
   * existed, by adding up their month documents. Runs under the flush lease, before any
   * pending batch is applied; a year whose months already hold a pending batch records that
   * batch as folded in, so replaying it does not count it twice.
   */
  async addMissingYears(): Promise<number> {
    const { models, spec } = this.options;
    const months = await models.periods
      .find({ _id: { $regex: /^M\d{4}-\d{2}$/ } })
      .lean<HotPeriodDoc[]>()
      .exec();
    if (months.length === 0) return 0;
    const byYear = new Map<string, HotPeriodDoc[]>();
    for (const m of months) {
      const year = yearPeriodId(m._id.slice(1));
      if (!byYear.has(year)) byYear.set(year, []);
      byYear.get(year)!.push(m);
    }
    const existing = await byId<HotPeriodDoc>(models.periods, [...byYear.keys()]);
    const pending = new Set(await this.batchIds());
    let added = 0;
    for (const [year, docs] of byYear) {
      if (existing.has(year)) continue;
      const subjects = new Map<string, number>();
      for (const d of docs) unpackCounts(d[spec.subjectsField] as string | undefined, subjects);
      const inFlight = docs.find((d) => pending.has(d.lastFlushId))?.lastFlushId;
      const counts = docs.reduce<Counts>((sum, d) => addCounts(d, sum), zero(spec.counters));
      const created = await insertOnce(models.periods, {
        _id: year,
        ...counts,
        [spec.subjectsField]: packCounts(subjects),
        lastFlushId: inFlight ?? 'years-added',
      });
      if (created) added++;
    }
    if (added) this.options.logger.info({ years: added }, 'year statistics built from months');
    return added;
  }

  /** Changes whenever a flush has changed the statistics; '0' before the first. */
  async generation(): Promise<string> {
    return (await this.redis.get(this.statsKeys.generation)) ?? '0';
  }
}

/**
 * A month's `days` after a batch: a new month starts them, a month that has them adds to
 * them; a month flushed before they existed goes on without (readers add up its day documents).
 */
function monthDays(
  periodId: string,
  existing: HotPeriodDoc | undefined,
  delta: ReadonlyMap<string, number>,
): { days?: string } {
  if (!periodId.startsWith('M')) return {};
  if (existing && typeof existing.days !== 'string') return {};
  return { days: mergePackedCounts(existing?.days as string | undefined, delta) };
}

function toInt(v: string | null | undefined): number {
  const n = v ? Number.parseInt(v, 10) : 0;
  return Number.isFinite(n) ? n : 0;
}

async function byId<T extends { _id: string }>(
  model: Model<any>,
  ids: string[],
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const row of await findByIds<T>(model, ids.slice(i, i + CHUNK))) found.set(row._id, row);
  return found;
}

/** An upsert that `$set`s totals computed in code (never `$inc`, never a pipeline update). */
interface UpsertOp {
  updateOne: { filter: { _id: string }; update: { $set: Record<string, unknown> }; upsert: true };
}

/**
 * Upserts one batch's change of each document, `$set` from what the document holds now and
 * marked with the batch: a document already marked was written by an earlier try of this
 * batch and is skipped, so a replayed batch never counts twice. Returns how many it wrote.
 */
async function applyOnce<T extends { _id: string; lastFlushId: string }, V>(
  model: Model<any>,
  delta: ReadonlyMap<string, V>,
  batchId: string,
  set: (change: V, existing: T | undefined, id: string) => Record<string, unknown>,
): Promise<number> {
  const existing = await byId<T>(model, [...delta.keys()]);
  const ops: UpsertOp[] = [];
  for (const [id, change] of delta) {
    const doc = existing.get(id);
    if (doc?.lastFlushId === batchId) continue;
    ops.push(upsertOp(id, { ...set(change, doc, id), lastFlushId: batchId }));
  }
  await bulkWriteChunks(model, ops);
  return ops.length;
}

function upsertOp(id: string, $set: Record<string, unknown>): UpsertOp {
  return { updateOne: { filter: { _id: id }, update: { $set }, upsert: true } };
}

async function bulkWriteChunks(model: Model<any>, ops: UpsertOp[]): Promise<void> {
  for (let i = 0; i < ops.length; i += CHUNK)
    await model.bulkWrite(ops.slice(i, i + CHUNK) as AnyBulkWriteOperation<any>[], {
      ordered: false,
    });
}
