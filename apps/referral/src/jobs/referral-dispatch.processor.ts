import type { Job } from 'bullmq';
import type { Logger } from '@portal/logger';
import { UnrecoverableError, type Outbox, type Processor } from '@portal/queue';
import { HotlineError, type HotlineClient } from '../clients/hotline-client';
import { idempotencyKeyFor, intakeRequestFor } from '../domain/hotline-protocol';
import type { ReferralRepository } from '../models/referral.repository';
import type { ReferralLifecycleService } from '../services/referral-lifecycle.service';
import { threadReferredJobId } from './job-ids';

export interface DispatchDeps {
  repo: ReferralRepository;
  referrals: ReferralLifecycleService;
  hotline: HotlineClient;
  outbox: Outbox;
  webBaseUrl: string;
  logger: Logger;
}

/** True when BullMQ will not run this job again after the current attempt fails. */
function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * `referral-dispatch`: hands a RECEIVED referral to the hotline. Tells the forum first (a
 * referred thread shows as REFERRED even while the hotline is down), then asks the hotline
 * for a ticket with the referral's idempotency key, so however often this runs there is one
 * ticket. Transient failures (timeouts, 5xx, 429) are retried with the queue's capped
 * exponential backoff, waiting at least what a `Retry-After` asked (the error carries it);
 * the last one, or one no retry can fix (a refused key or payload), marks the referral
 * FAILED for a moderator.
 */
export function createDispatchProcessor(deps: DispatchDeps): Processor<'referral-dispatch'> {
  const log = deps.logger.child({ module: 'dispatch' });
  return async ({ referralId }, job) => {
    const referral = await deps.repo.findById(referralId);
    if (!referral) {
      log.warn({ referralId }, 'referral not found; nothing to dispatch');
      return { skipped: 'not found' };
    }
    if (referral.source === 'FORUM_THREAD' && referral.threadId && referral.status !== 'REJECTED') {
      await deps.outbox.add(
        'forum-events',
        {
          type: 'thread.referred',
          threadId: referral.threadId,
          referralId,
          trackingCode: referral.trackingCode,
        },
        { jobId: threadReferredJobId(referralId) },
      );
    }
    if (referral.status !== 'RECEIVED') return { skipped: referral.status };
    if (referral.hotlineTicketId) {
      await deps.referrals.recordForwarded(referralId, referral.hotlineTicketId);
      return { ticketId: referral.hotlineTicketId };
    }

    let ticketId: string;
    try {
      ({ ticketId } = await deps.hotline.submit(
        intakeRequestFor({ ...referral, id: referralId }, deps.webBaseUrl),
        idempotencyKeyFor(referralId),
      ));
    } catch (err) {
      const retryable = err instanceof HotlineError ? err.retryable : false;
      // The queue's backoff waits at least this before the next attempt (up to its cap).
      const retryAfterMs = err instanceof HotlineError ? err.retryAfterMs : null;
      const reason = (err as Error).message;
      if (!retryable || isLastAttempt(job)) {
        await deps.referrals.recordDispatchFailure(referralId, reason);
        log.error(
          { referralId, attempt: job.attemptsMade + 1, reason },
          'dispatch failed for good',
        );
        if (!retryable) throw new UnrecoverableError(reason);
      } else {
        log.warn(
          { referralId, attempt: job.attemptsMade + 1, reason, retryAfterMs },
          'dispatch failed, will retry',
        );
      }
      throw err;
    }
    await deps.referrals.recordForwarded(referralId, ticketId);
    log.info({ referralId, ticketId }, 'referral forwarded to the hotline');
    return { ticketId };
  };
}
