import { Types, type FilterQuery } from 'mongoose';
import { conflict, notFound } from '@portal/errors';
import { insertOnce, isDuplicateKeyError, paginate, type Page } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  type ReferralSource,
  type ReferralStatus,
} from '../domain/referral-status';
import { eventCounts } from '../domain/referral-stat-counts';
import { newTrackingCode } from '../domain/tracking-code';
import type { ReferralStatsRecorder } from '../stats/referral-stats-counter';
import type { Actor } from './actor';
import type { ReferralModels } from './index';
import type { EventEffect, ReferralEventDoc, ReferralEventKind } from './referral-event.model';
import type { ReferralDoc } from './referral.model';

/** Fields a change may set on the referral (top-level only: FerretDB refuses dotted keys). */
export type ReferralPatch = Partial<
  Omit<ReferralDoc, '_id' | 'version' | 'trackingCode' | 'sourceKey' | 'createdAt'>
>;

/** What a decision function wants done to a referral; null means "nothing to do". */
export interface ReferralChange {
  kind: ReferralEventKind;
  /** The status after the change. */
  status: ReferralStatus;
  note: string | null;
  by: Actor;
  patch: ReferralPatch;
  /** Jobs to enqueue once the change is applied, given the event's number and time. */
  effects?: (seq: number, at: Date) => EventEffect[];
}

export interface AppliedChange {
  referral: ReferralDoc;
  /** False when the decision was "nothing to do". */
  applied: boolean;
  event: ReferralEventDoc | null;
}

const MAX_CLAIM_ATTEMPTS = 8;
const MAX_CODE_ATTEMPTS = 5;

export type NewReferral = Omit<ReferralDoc, '_id' | 'trackingCode' | 'version'> & {
  _id?: Types.ObjectId;
};

/**
 * Reads and writes referrals. Every change after creation is an event whose insert claims
 * the referral's next version (FerretDB's only atomic claim), so concurrent writers (the
 * dispatcher, hotline callbacks, officers) never overwrite each other: the loser re-reads
 * and decides again. An event carries its patch and its follow-up jobs, so a writer that
 * died half-way is finished by the next writer or by sweepEffects().
 */
export class ReferralRepository {
  constructor(
    private readonly models: ReferralModels,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
    /** Counts referrals and their events into the statistics as they are written. */
    private readonly stats: ReferralStatsRecorder,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async findById(id: string): Promise<ReferralDoc | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.models.Referral.findById(id).lean<ReferralDoc>().exec();
  }

  async exists(sourceKey: string): Promise<boolean> {
    return (await this.models.Referral.exists({ sourceKey })) !== null;
  }

  findByTrackingCode(code: string): Promise<ReferralDoc | null> {
    return this.models.Referral.findOne({ trackingCode: code }).lean<ReferralDoc>().exec();
  }

  findByIds(ids: readonly string[]): Promise<ReferralDoc[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.models.Referral.find({ _id: { $in: valid } })
      .lean<ReferralDoc[]>()
      .exec();
  }

  /** The referrals of whole threads (source FORUM_THREAD), for Thread.referral. */
  findByThreadIds(threadIds: readonly string[]): Promise<ReferralDoc[]> {
    return this.models.Referral.find({ threadId: { $in: [...threadIds] }, source: 'FORUM_THREAD' })
      .lean<ReferralDoc[]>()
      .exec();
  }

  /** Staff lists, newest first; `overdue` is computed from the SLA and the status at `now`. */
  list(options: {
    agency: string | null;
    status?: ReferralStatus | null;
    overdue?: boolean | null;
    categoryCode?: string | null;
    source?: ReferralSource | null;
    first?: number | null;
    after?: string | null;
    now: Date;
  }): Promise<Page<ReferralDoc>> {
    const and: FilterQuery<ReferralDoc>[] = [];
    if (options.agency) and.push({ targetAgency: options.agency });
    if (options.status) and.push({ status: options.status });
    if (options.categoryCode) and.push({ categoryCode: options.categoryCode });
    if (options.source) and.push({ source: options.source });
    if (options.overdue === true)
      and.push({ status: { $in: [...OPEN_STATUSES] }, slaDueAt: { $lte: options.now } });
    if (options.overdue === false)
      and.push({
        $or: [{ status: { $in: [...CLOSED_STATUSES] } }, { slaDueAt: { $gt: options.now } }],
      });
    return paginate(this.models.Referral, {
      filter: and.length ? { $and: and } : {},
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      first: options.first,
      after: options.after,
    });
  }

  /** Public history events (status changes) of many referrals, in order. */
  findStatusEvents(referralIds: readonly string[]): Promise<ReferralEventDoc[]> {
    return this.models.ReferralEvent.find({ referralId: { $in: [...referralIds] }, kind: 'STATUS' })
      .sort({ referralId: 1, seq: 1 })
      .lean<ReferralEventDoc[]>()
      .exec();
  }

  /**
   * Inserts a new referral with a fresh tracking code (drawing again on the unlikely
   * collision). A second referral for the same thread or post is CONFLICT.
   */
  async insert(fields: NewReferral): Promise<ReferralDoc> {
    const _id = fields._id ?? new Types.ObjectId();
    // Marked before it exists, so a receipt never counted (its writer died, Redis refused the
    // count) is found by the sweep; the mark goes once the referral is counted.
    const pending = { _id: _id.toHexString() };
    await this.models.ReferralStatPending.create({ ...pending, at: this.now() });
    for (let attempt = 1; ; attempt++) {
      const doc = { ...fields, _id, trackingCode: newTrackingCode(), version: 1 };
      try {
        await this.models.Referral.create(doc);
        await this.countReceived(doc as ReferralDoc);
        return doc as ReferralDoc;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        // FerretDB does not say which unique index refused the insert, so ask.
        if (await this.models.Referral.exists({ sourceKey: fields.sourceKey })) {
          await this.models.ReferralStatPending.deleteOne(pending).exec();
          throw conflict('This has already been referred to the hotline');
        }
        if (attempt >= MAX_CODE_ATTEMPTS) throw err;
        this.logger.warn({ attempt }, 'tracking code collision, drawing another');
      }
    }
  }

  /**
   * Reads the referral, asks `decide` what to change, and applies it as the next event.
   * `decide` may throw a DomainError (refusal) or return null (nothing to do); it is called
   * again with fresh state if another writer got there first.
   */
  async applyChange(
    id: string,
    decide: (current: ReferralDoc) => ReferralChange | null,
  ): Promise<AppliedChange> {
    for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
      const current = await this.findById(id);
      if (!current) throw notFound('Referral');
      const change = decide(current);
      if (!change) return { referral: current, applied: false, event: null };
      const seq = current.version + 1;
      const at = this.now();
      const effects = change.effects?.(seq, at) ?? [];
      const patch = { ...change.patch, status: change.status, updatedAt: at };
      // An event the statistics count stays unfinished until counted, like one with jobs.
      const counts = Object.keys(eventCounts(current, { at, patch })).length > 0;
      const event: ReferralEventDoc = {
        _id: eventId(id, seq),
        referralId: id,
        seq,
        kind: change.kind,
        status: change.status,
        note: change.note,
        by: change.by,
        at,
        patch,
        effects,
        effectsQueuedAt: effects.length || counts ? null : at,
      };
      if (!(await insertOnce(this.models.ReferralEvent, event))) {
        // Someone else holds this version: finish their event if they could not, then retry
        // after a short random pause so a crowd of writers does not collide again in step.
        await this.rollForward(current);
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
        continue;
      }
      await this.applyEvent(event);
      await this.finishEvent(event, current);
      return {
        referral: { ...current, ...(event.patch as ReferralPatch), version: seq },
        applied: true,
        event,
      };
    }
    throw conflict('The referral is being changed by someone else; try again');
  }

  /**
   * Finishes events whose writer stopped after claiming them: applies their patch and
   * queues their jobs. Run periodically; returns how many events it finished.
   */
  async sweepEffects(graceMs = 60_000, limit = 200): Promise<number> {
    const cutoff = new Date(this.now().getTime() - graceMs);
    const pending = await this.models.ReferralEvent.find({
      effectsQueuedAt: null,
      at: { $lt: cutoff },
    })
      .sort({ at: 1 })
      .limit(limit)
      .lean<ReferralEventDoc[]>()
      .exec();
    const referrals = new Map(
      (await this.findByIds(pending.map((e) => e.referralId))).map((r) => [r._id.toHexString(), r]),
    );
    for (const event of pending) {
      await this.applyEvent(event);
      const referral = referrals.get(event.referralId);
      if (referral) await this.finishEvent(event, referral);
    }
    return pending.length;
  }

  /** Open referrals whose SLA has passed and whose agency has not been reminded yet. */
  findNewlyOverdue(now: Date, limit: number): Promise<ReferralDoc[]> {
    return this.models.Referral.find({
      status: { $in: [...OPEN_STATUSES] },
      slaDueAt: { $lte: now },
      overdueFlaggedAt: null,
    })
      .sort({ slaDueAt: 1 })
      .limit(limit)
      .lean<ReferralDoc[]>()
      .exec();
  }

  /** RECEIVED referrals untouched since `before`: their dispatch may never have been queued. */
  findStaleReceived(before: Date, limit: number): Promise<ReferralDoc[]> {
    return this.models.Referral.find({ status: 'RECEIVED', updatedAt: { $lt: before } })
      .sort({ updatedAt: 1 })
      .limit(limit)
      .lean<ReferralDoc[]>()
      .exec();
  }

  private async rollForward(current: ReferralDoc): Promise<void> {
    const pending = await this.models.ReferralEvent.findById(
      eventId(current._id.toHexString(), current.version + 1),
    )
      .lean<ReferralEventDoc>()
      .exec();
    if (!pending) return;
    await this.applyEvent(pending);
    await this.finishEvent(pending, current);
  }

  /** Applies an event's patch if the referral is still at the version just before it. */
  private async applyEvent(event: ReferralEventDoc): Promise<void> {
    await this.models.Referral.updateOne(
      { _id: event.referralId, version: event.seq - 1 },
      { $set: { ...event.patch, version: event.seq } },
    ).exec();
  }

  /**
   * Counts a referral just inserted and drops its pending mark. A failure is logged, not
   * thrown: the referral is saved, failing now would only make the citizen submit it twice,
   * and the sweep counts it (the count is keyed by the referral id: never twice).
   */
  private async countReceived(referral: ReferralDoc): Promise<void> {
    const id = referral._id.toHexString();
    try {
      await this.stats.countReferral(referral);
      await this.models.ReferralStatPending.deleteOne({ _id: id }).exec();
    } catch (err) {
      this.logger.error({ err, referralId: id }, 'referral not counted yet; the sweep will');
    }
  }

  /** Counts the referrals whose receipt was marked pending over `graceMs` ago; returns how many. */
  async sweepUncounted(graceMs = 60_000, limit = 200): Promise<number> {
    const marks = await this.models.ReferralStatPending.find({
      at: { $lt: new Date(this.now().getTime() - graceMs) },
    })
      .limit(limit)
      .lean()
      .exec();
    if (!marks.length) return 0;
    const referrals = await this.findByIds(marks.map((m) => m._id));
    for (const r of referrals) await this.stats.countReferral(r);
    // A mark without its referral is an insert that failed: nothing to count.
    await this.models.ReferralStatPending.deleteMany({
      _id: { $in: marks.map((m) => m._id) },
    }).exec();
    return referrals.length;
  }

  /**
   * Finishes an applied event: counts it in the statistics and queues its jobs, then marks it
   * done (not while it could not be counted). Both steps are idempotent (the count is keyed by the event id, the jobs by their
   * ids), so a writer that died in between is finished again by the next one or the sweep.
   * `referral` is the referral in any version (what the counts read never changes).
   */
  private async finishEvent(event: ReferralEventDoc, referral: ReferralDoc): Promise<void> {
    if (event.effectsQueuedAt) return;
    let counted = true;
    try {
      await this.stats.countEvent(referral, event);
    } catch (err) {
      // The change is applied; the sweep counts the event once Redis answers again.
      counted = false;
      this.logger.error({ err, eventId: event._id }, 'event not counted yet; the sweep will');
    }
    for (const effect of event.effects) {
      await this.outbox.add(effect.queue, effect.payload as never, { jobId: effect.jobId });
    }
    if (!counted) return;
    await this.models.ReferralEvent.updateOne(
      { _id: event._id },
      { $set: { effectsQueuedAt: this.now() } },
    ).exec();
  }
}

function eventId(referralId: string, seq: number): string {
  return `${referralId}.${seq}`;
}
