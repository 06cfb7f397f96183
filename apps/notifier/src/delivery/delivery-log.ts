import type { Model } from 'mongoose';
import { insertOnce } from '@portal/db';
import { afterTakenAttempt } from '../domain/attempt-rules';
import type { DeliveryAttemptDoc } from '../models/delivery-attempt.model';
import { FINAL_STATUSES, type DeliveryDoc } from '../models/delivery.model';
import type { NotifierModels } from '../models';

/** The attempt a worker holds: only it may send, and write the delivery's outcome. */
export interface Claim {
  id: string;
  n: number;
  recovered: boolean;
}

export type ClaimResult =
  | ({ kind: 'claimed' } & Claim)
  /** Another worker holds the attempt: look again at `retryAt`. */
  | { kind: 'busy'; retryAt: Date }
  /** An attempt already settled the delivery (the record of it was read before it landed). */
  | { kind: 'settled'; outcome: 'sent' | 'skipped' };

/** How soon to look again when a taken attempt cannot be read (it is being purged). */
const RACE_RECHECK_MS = 5000;

export function isFinal(delivery: Pick<DeliveryDoc, 'status'>): boolean {
  return FINAL_STATUSES.includes(delivery.status);
}

/**
 * The delivery log and its claim protocol: claim → send → record.
 *
 * - Before sending, a worker claims the next attempt by inserting it under a unique id.
 * - After sending it records the outcome on the delivery (the record that counts), then
 *   closes the attempt.
 * - A delivery already `sent`, `failed` or `skipped` is never attempted again, however
 *   often its job runs: a recorded success is never repeated.
 * - An attempt left unfinished by a dead worker blocks others until it expires, and is then
 *   taken over (see `afterTakenAttempt`). Only that window, between the relay or partner
 *   accepting and the log recording it, can produce a second copy.
 */
export class DeliveryLog {
  private readonly Delivery: Model<DeliveryDoc>;
  private readonly Attempt: Model<DeliveryAttemptDoc>;

  constructor(
    models: NotifierModels,
    private readonly claimTtlMs: number,
  ) {
    this.Delivery = models.Delivery;
    this.Attempt = models.DeliveryAttempt;
  }

  load(deliveryId: string): Promise<DeliveryDoc | null> {
    return this.Delivery.findById(deliveryId).lean<DeliveryDoc>().exec();
  }

  async claim(delivery: DeliveryDoc, endpointId: string | null = null): Promise<ClaimResult> {
    const now = new Date();
    // Attempts are found by id, never by query: `attempts` on the delivery says where its
    // record left off, and a crash leaves it at most a few attempts behind.
    let recovered = false;
    for (let n = delivery.attempts + 1; ; n++) {
      const id = `${delivery._id}.${n}`;
      const won = await insertOnce(this.Attempt, {
        _id: id,
        deliveryId: delivery._id,
        channel: delivery.channel,
        n,
        endpointId,
        claimedAt: now,
        expiresAt: new Date(now.getTime() + this.claimTtlMs),
        recovered,
        outcome: null,
        error: null,
        statusCode: null,
        finishedAt: null,
      });
      if (won) return { kind: 'claimed', id, n, recovered };
      const taken = await this.Attempt.findById(id).lean<DeliveryAttemptDoc>().exec();
      if (!taken) return { kind: 'busy', retryAt: new Date(now.getTime() + RACE_RECHECK_MS) };
      const decision = afterTakenAttempt(taken, now);
      if (decision.action === 'wait') return { kind: 'busy', retryAt: decision.until };
      if (decision.action === 'settled') return { kind: 'settled', outcome: decision.outcome };
      recovered = decision.recovered;
      if (recovered) {
        // Informational (claims go by attempt number): the dead worker's attempt is closed.
        await this.Attempt.updateOne(
          { _id: id, outcome: null },
          { $set: { outcome: 'abandoned', finishedAt: now } },
        ).exec();
      }
    }
  }

  async markSent(delivery: DeliveryDoc, claim: Claim, response: string): Promise<Date> {
    const now = new Date();
    await this.Delivery.updateOne(
      { _id: delivery._id },
      {
        $set: {
          status: 'sent',
          sentAt: now,
          updatedAt: now,
          attempts: claim.n,
          response: response.slice(0, 500),
          lastError: null,
        },
      },
    ).exec();
    await this.finishAttempt(claim, { outcome: 'sent', finishedAt: now });
    return now;
  }

  /** A failed attempt; `final` ends the delivery as failed, otherwise it stays pending for a retry. */
  async markFailed(
    delivery: DeliveryDoc,
    claim: Claim,
    failure: { reason: string; statusCode?: number; final: boolean },
  ): Promise<void> {
    const now = new Date();
    // The attempt first: a failure counts towards the endpoint's run even if the next write is lost.
    await this.finishAttempt(claim, {
      outcome: 'failed',
      error: failure.reason.slice(0, 500),
      statusCode: failure.statusCode ?? null,
      finishedAt: now,
    });
    await this.Delivery.updateOne(
      { _id: delivery._id },
      {
        $set: {
          status: failure.final ? 'failed' : 'pending',
          updatedAt: now,
          attempts: claim.n,
          lastError: failure.reason.slice(0, 500),
        },
      },
    ).exec();
  }

  /** The delivery no longer applies (endpoint removed, disabled or unsubscribed). */
  async markSkipped(delivery: DeliveryDoc, claim: Claim, reason: string): Promise<void> {
    const now = new Date();
    await this.Delivery.updateOne(
      { _id: delivery._id },
      { $set: { status: 'skipped', updatedAt: now, lastError: reason } },
    ).exec();
    await this.finishAttempt(claim, { outcome: 'skipped', error: reason, finishedAt: now });
  }

  private async finishAttempt(claim: Claim, fields: Partial<DeliveryAttemptDoc>): Promise<void> {
    await this.Attempt.updateOne({ _id: claim.id }, { $set: fields }).exec();
  }
}
