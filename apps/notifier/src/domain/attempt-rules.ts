/** The latest attempt of a delivery, as the claim protocol sees it. */
export interface LatestAttempt {
  n: number;
  outcome: string | null;
  expiresAt: Date;
}

export type ClaimDecision =
  { action: 'claim'; n: number; recovered: boolean } | { action: 'wait'; until: Date };

/**
 * Which attempt to claim next. An unfinished attempt that has not expired belongs to a live
 * worker: wait for it. One that expired was abandoned by a worker that died, maybe after
 * the relay or partner accepted the message but before the log said so; the next attempt
 * goes ahead anyway and is marked `recovered` (at-least-once in that window, by choice:
 * a lost referral answer costs a citizen more than a second copy with the same
 * Message-ID or event id, which mail clients and partners can de-duplicate).
 */
export function nextAttempt(latest: LatestAttempt | null, now: Date): ClaimDecision {
  if (!latest) return { action: 'claim', n: 1, recovered: false };
  if (latest.outcome === null) {
    if (latest.expiresAt.getTime() > now.getTime())
      return { action: 'wait', until: latest.expiresAt };
    return { action: 'claim', n: latest.n + 1, recovered: true };
  }
  return { action: 'claim', n: latest.n + 1, recovered: false };
}

/** Whether the BullMQ attempt now running is the job's last (attemptsMade counts failed ones). */
export function isLastAttempt(attemptsMade: number, maxAttempts: number | undefined): boolean {
  return attemptsMade + 1 >= (maxAttempts ?? 1);
}
