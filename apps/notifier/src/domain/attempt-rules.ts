/** An attempt of a delivery that another worker already holds, as the claim protocol sees it. */
export interface TakenAttempt {
  outcome: string | null;
  expiresAt: Date;
}

export type TakenAttemptDecision =
  /** A live worker may still be sending: come back when its claim expires. */
  | { action: 'wait'; until: Date }
  /** Try the next attempt number; `recovered` when this one was abandoned by a dead worker. */
  | { action: 'next'; recovered: boolean }
  /** The delivery was settled by that attempt: nothing to do. */
  | { action: 'settled'; outcome: 'sent' | 'skipped' };

/**
 * What to do when the attempt a worker meant to claim is already taken. An unfinished attempt
 * that has not expired belongs to a live worker: wait for it. One that expired was abandoned
 * by a worker that died, maybe after the relay or partner accepted the message but before the
 * log said so; the next attempt goes ahead anyway and is marked `recovered` (at-least-once in
 * that window, by choice: a lost referral answer costs a citizen more than a second copy with
 * the same Message-ID or event id, which mail clients and partners can de-duplicate).
 */
export function afterTakenAttempt(taken: TakenAttempt, now: Date): TakenAttemptDecision {
  if (taken.outcome === null) {
    if (taken.expiresAt.getTime() > now.getTime())
      return { action: 'wait', until: taken.expiresAt };
    return { action: 'next', recovered: true };
  }
  if (taken.outcome === 'sent' || taken.outcome === 'skipped')
    return { action: 'settled', outcome: taken.outcome };
  return { action: 'next', recovered: false };
}

/** Whether the BullMQ attempt now running is the job's last (attemptsMade counts failed ones). */
export function isLastAttempt(attemptsMade: number, maxAttempts: number | undefined): boolean {
  return attemptsMade + 1 >= (maxAttempts ?? 1);
}
