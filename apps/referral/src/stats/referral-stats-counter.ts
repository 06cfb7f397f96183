import type { Redis } from 'ioredis';
import type { AnyBulkWriteOperation } from 'mongoose';
import { HotCountBuffer, findByIds, type DrainResult } from '@portal/db';
import type { Logger } from '@portal/logger';
import {
  addStatCounts,
  countDay,
  dayField,
  eventCounts,
  packMonthCounts,
  packStatCounts,
  referralCounts,
  unpackMonthCounts,
  unpackStatCounts,
  type CountedEvent,
  type CountedReferral,
  type StatCounts,
} from '../domain/referral-stat-counts';
import type { ReferralModels } from '../models';
import type { ReferralStatPeriodDoc } from '../models/referral-stat-period.model';

/**
 * How long a counted referral or event is remembered, so counting it again (an event finished
 * by the sweep after its writer counted it and died, a backfill run again) changes nothing.
 */
const SEEN_TTL_SECONDS = 35 * 86_400;
const LEASE_MS = 120_000;
const CHUNK = 200;
const BACKFILL_READ_MS = 30 * 60_000;

/** What the write path needs of the counter. */
export interface ReferralStatsRecorder {
  countReferral(r: CountedReferral & { _id: { toString(): string } }): Promise<boolean>;
  countEvent(r: CountedReferral, event: CountedEvent & { _id: string }): Promise<boolean>;
}

export const monthPeriodOf = (day: string) => `M${day.slice(0, 7)}`;
export const dayPeriodOf = (day: string) => `D${day}`;

const isMonth = (period: string) => period.startsWith('M');

/** A month document's counts (fields without their instant). */
function monthCounts(doc: ReferralStatPeriodDoc | undefined): Map<string, number> {
  return doc ? unpackMonthCounts(doc.counts, doc._id.slice(1)) : new Map();
}

/** What a read gets: per-day counts of whole months, and the facts of single days. */
export interface PeriodCounts {
  /** The months asked for, as their documents keep them (`month` `YYYY-MM`; packMonthCounts). */
  months: { month: string; packed: string }[];
  /** More counts of those months, pending in Redis, as fields without their instant (`<day>|<kind>…`). */
  days: Map<string, number>;
  /** Fields with their instant, of the days asked for. */
  facts: Map<string, number>;
}

/** The period documents a fact's field counts in, and the field each keeps. */
function periodsOf(field: string): [string, string][] {
  const day = countDay(field);
  return [
    [monthPeriodOf(day), dayField(field)],
    [dayPeriodOf(day), field],
  ];
}

/**
 * The referral statistics' day counts (see referral-stat-counts.ts), on the shared hot-counter
 * buffer (@portal/db HotCountBuffer): the write that receives a referral or applies its event
 * counts it in Redis in one atomic step with its de-duplication (keyed by the referral id or
 * the event id, so it counts once however often it is applied), never as a concurrent `$inc`
 * on a shared document (FerretDB 1.x would lose some); `flush` folds the counts into one
 * document per city month, one flusher at a time. Reads add what is still pending in Redis.
 */
export class ReferralStatsCounter extends HotCountBuffer implements ReferralStatsRecorder {
  /** Odd while a flush moves counts from Redis to the database: a read then tries again. */
  private readonly generationKey: string;

  constructor(
    redis: Redis,
    prefix: string,
    private readonly models: Pick<ReferralModels, 'ReferralStatPeriod'>,
  ) {
    super(redis, `${prefix}:referral:stats`);
    this.generationKey = `${this.base}:generation`;
  }

  /** Counts a referral just received; true when this call counted it. */
  countReferral(r: CountedReferral & { _id: { toString(): string } }): Promise<boolean> {
    return this.count(referralCounts(r), `r:${String(r._id)}`);
  }

  /** Counts an applied event of `r` (a hand-over or a closing; others count nothing). */
  countEvent(r: CountedReferral, event: CountedEvent & { _id: string }): Promise<boolean> {
    return this.count(eventCounts(r, event), `e:${event._id}`);
  }

  private async count(counts: StatCounts, id: string): Promise<boolean> {
    if (Object.keys(counts).length === 0) return false;
    return this.increment(counts, { seen: id, seconds: SEEN_TTL_SECONDS });
  }

  /** Folds the pending counts into the month and day documents; one flusher at a time. */
  flush(): Promise<DrainResult> {
    return this.drain({
      leaseMs: LEASE_MS,
      before: async () => void (await this.redis.incr(this.generationKey)),
      fold: (batchId) => this.applyBatch(batchId),
      after: async () => void (await this.redis.incr(this.generationKey)),
    }).catch(async (err: unknown) => {
      // A flush that failed half-way leaves its batches for the next one: make reads even again.
      await this.redis.incr(this.generationKey);
      throw err;
    });
  }

  /** Writes one batch into its months and days; a document that already holds it is skipped. */
  private async applyBatch(batchId: string): Promise<void> {
    const delta = new Map<string, Map<string, number>>();
    for (const [field, n] of Object.entries(await this.batchCounts(batchId)))
      for (const [period, kept] of periodsOf(field)) {
        if (!delta.has(period)) delta.set(period, new Map());
        addStatCounts(delta.get(period)!, [[kept, Number(n)]]);
      }
    const existing = await this.periodDocs([...delta.keys()]);
    const ops: AnyBulkWriteOperation<ReferralStatPeriodDoc>[] = [];
    for (const [period, counts] of delta) {
      const doc = existing.get(period);
      if (doc?.lastFlushId === batchId) continue;
      const update = isMonth(period)
        ? { counts: packMonthCounts(addStatCounts(monthCounts(doc), counts)) }
        : { counts: packStatCounts(addStatCounts(new Map(unpackStatCounts(doc?.counts)), counts)) };
      ops.push({
        updateOne: {
          filter: { _id: period },
          update: { $set: { ...update, lastFlushId: batchId } },
          upsert: true,
        },
      });
    }
    for (let i = 0; i < ops.length; i += CHUNK)
      await this.models.ReferralStatPeriod.bulkWrite(ops.slice(i, i + CHUNK), { ordered: false });
  }

  private async periodDocs(ids: string[]): Promise<Map<string, ReferralStatPeriodDoc>> {
    const found = new Map<string, ReferralStatPeriodDoc>();
    for (let i = 0; i < ids.length; i += CHUNK)
      for (const d of await findByIds<ReferralStatPeriodDoc>(
        this.models.ReferralStatPeriod,
        ids.slice(i, i + CHUNK),
      ))
        found.set(d._id, d);
    return found;
  }

  /**
   * The per-day counts of these months (`M2025-11`) and the facts of these days
   * (`D2025-11-03`): their documents plus what is still pending in Redis (the live counts, and
   * sealed batches not yet folded into that document).
   */
  async read(months: readonly string[], days: readonly string[]): Promise<PeriodCounts> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.redis.get(this.generationKey);
      const counts = await this.readOnce(new Set(months), new Set(days));
      const after = await this.redis.get(this.generationKey);
      const steady = before === after && Number(before ?? 0) % 2 === 0;
      // A flusher that died mid-way leaves the generation odd until the next flush: go on.
      if (steady || attempt >= 5) return counts;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }

  private async readOnce(months: Set<string>, days: Set<string>): Promise<PeriodCounts> {
    const [docs, batchIds, live] = await Promise.all([
      this.periodDocs([...months, ...days]),
      this.batchIds(),
      this.pending(),
    ]);
    const batches = await Promise.all(batchIds.map((id) => this.batchCounts(id)));
    const result: PeriodCounts = { months: [], days: new Map(), facts: new Map() };
    const into = (period: string) => (months.has(period) ? result.days : result.facts);
    for (const d of docs.values())
      if (months.has(d._id)) result.months.push({ month: d._id.slice(1), packed: d.counts });
      else addStatCounts(into(d._id), unpackStatCounts(d.counts));
    const addPending = (hash: Record<string, string>, batch: number) => {
      for (const [field, n] of Object.entries(hash))
        for (const [period, kept] of periodsOf(field)) {
          if (!months.has(period) && !days.has(period)) continue;
          const doc = docs.get(period);
          // Batches up to the one last folded into this document are already in it.
          if (doc && batch >= 0 && batch <= batchIds.indexOf(doc.lastFlushId)) continue;
          addStatCounts(into(period), [[kept, Number(n)]]);
        }
    };
    batches.forEach((hash, i) => addPending(hash, i));
    addPending(live, -1);
    return result;
  }

  /**
   * Counts every referral and event already recorded (those received before the counting
   * existed, or written around it, as demo data and benches do). Idempotent: each is counted
   * under the same id as the write path counts it, so what was counted is skipped.
   */
  async backfill(
    models: Pick<ReferralModels, 'Referral' | 'ReferralEvent'>,
    logger: Logger,
  ): Promise<{ referrals: number; events: number }> {
    const referrals = new Map<string, CountedReferral>();
    const fields = { createdAt: 1, slaDueAt: 1, targetAgency: 1, categoryCode: 1, categoryName: 1 };
    // Every record, once: longer than a request's read budget on a large database.
    const docs = await models.Referral.find({}, fields).maxTimeMS(BACKFILL_READ_MS).lean().exec();
    const counted = { referrals: 0, events: 0 };
    for (let i = 0; i < docs.length; i += CHUNK) {
      const done = await Promise.all(
        docs.slice(i, i + CHUNK).map((r) => {
          referrals.set(r._id.toHexString(), r);
          return this.countReferral(r);
        }),
      );
      counted.referrals += done.filter(Boolean).length;
    }
    const events = await models.ReferralEvent.find({}, { _id: 1, referralId: 1, at: 1, patch: 1 })
      .lean()
      .exec();
    for (let i = 0; i < events.length; i += CHUNK) {
      const done = await Promise.all(
        events.slice(i, i + CHUNK).map((e) => {
          const r = referrals.get(e.referralId);
          return r ? this.countEvent(r, e) : false;
        }),
      );
      counted.events += done.filter(Boolean).length;
    }
    if (counted.referrals || counted.events)
      logger.info(counted, 'referral statistics: earlier referrals and events counted');
    await this.flush();
    return counted;
  }
}
