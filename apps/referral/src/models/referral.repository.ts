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
import { newTrackingCode } from '../domain/tracking-code';
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
    for (let attempt = 1; ; attempt++) {
      const doc = {
        ...fields,
        _id: fields._id ?? new Types.ObjectId(),
        trackingCode: newTrackingCode(),
        version: 1,
      };
      try {
        await this.models.Referral.create(doc);
        return doc as ReferralDoc;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        // FerretDB does not say which unique index refused the insert, so ask.
        if (await this.models.Referral.exists({ sourceKey: fields.sourceKey }))
          throw conflict('This has already been referred to the hotline');
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
      const event: ReferralEventDoc = {
        _id: eventId(id, seq),
        referralId: id,
        seq,
        kind: change.kind,
        status: change.status,
        note: change.note,
        by: change.by,
        at,
        patch: { ...change.patch, status: change.status, updatedAt: at },
        effects,
        effectsQueuedAt: effects.length ? null : at,
      };
      if (!(await insertOnce(this.models.ReferralEvent, event))) {
        // Someone else holds this version: finish their event if they could not, then retry
        // after a short random pause so a crowd of writers does not collide again in step.
        await this.rollForward(current);
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
        continue;
      }
      await this.applyEvent(event);
      await this.queueEffects(event);
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
    for (const event of pending) {
      await this.applyEvent(event);
      await this.queueEffects(event);
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
    await this.queueEffects(pending);
  }

  /** Applies an event's patch if the referral is still at the version just before it. */
  private async applyEvent(event: ReferralEventDoc): Promise<void> {
    await this.models.Referral.updateOne(
      { _id: event.referralId, version: event.seq - 1 },
      { $set: { ...event.patch, version: event.seq } },
    ).exec();
  }

  private async queueEffects(event: ReferralEventDoc): Promise<void> {
    if (event.effectsQueuedAt) return;
    for (const effect of event.effects) {
      await this.outbox.add(effect.queue, effect.payload as never, { jobId: effect.jobId });
    }
    await this.models.ReferralEvent.updateOne(
      { _id: event._id },
      { $set: { effectsQueuedAt: this.now() } },
    ).exec();
  }
}

function eventId(referralId: string, seq: number): string {
  return `${referralId}.${seq}`;
}
