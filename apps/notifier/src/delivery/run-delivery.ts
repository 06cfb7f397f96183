import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from '@portal/logger';
import { isLastAttempt } from '../domain/attempt-rules';
import type { Channel } from '../domain/delivery-key';
import type { NotifierMetrics } from '../metrics';
import type { DeliveryDoc } from '../models/delivery.model';
import { isFinal, type Claim, type DeliveryLog } from './delivery-log';

/** What one attempt came to. `permanent` failures are not retried. */
export type AttemptResult =
  | { kind: 'sent'; response: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; permanent: boolean; reason: string; statusCode?: number };

export interface DeliveryRunContext {
  deliveries: DeliveryLog;
  logger: Logger;
  metrics: NotifierMetrics;
}

export type DeliveryRunResult = { status: DeliveryDoc['status'] | 'missing'; attempt?: number };

/** Writes that follow a send that succeeded are retried in place before anything else is tried. */
const RECORD_TRIES = 4;

/**
 * One run of a delivery job, the same for every channel: reload the delivery, return quietly
 * if it is already settled, claim the next attempt (or come back when a live attempt
 * expires), make it with `attempt`, and record the outcome. A transient failure throws so
 * BullMQ retries this delivery alone with backoff; a permanent one, or the last attempt,
 * settles the delivery as failed and throws UnrecoverableError.
 */
export async function runDelivery(
  ctx: DeliveryRunContext,
  channel: Channel,
  deliveryId: string,
  job: Job,
  attempt: (delivery: DeliveryDoc, claim: Claim) => Promise<AttemptResult>,
): Promise<DeliveryRunResult> {
  const log = ctx.logger.child({ channel, deliveryId });
  const delivery = await ctx.deliveries.load(deliveryId);
  if (!delivery) {
    log.warn('delivery not found (purged, or enqueued by hand); nothing to do');
    return { status: 'missing' };
  }
  if (isFinal(delivery)) {
    log.debug({ status: delivery.status }, 'delivery already settled; nothing to do');
    return { status: delivery.status };
  }
  const claim = await ctx.deliveries.claim(
    delivery,
    channel === 'webhook' ? delivery.targetId : null,
  );
  if (claim.kind === 'settled') {
    log.debug({ status: claim.outcome }, 'delivery already settled; nothing to do');
    return { status: claim.outcome };
  }
  if (claim.kind === 'busy') {
    log.info({ retryAt: claim.retryAt }, 'another attempt is in progress; checking again later');
    await job.moveToDelayed(claim.retryAt.getTime() + 250, job.token);
    throw new DelayedError();
  }
  const attemptLog = log.child({ attempt: claim.n, notificationId: delivery.notificationId });
  if (claim.recovered) {
    ctx.metrics.recoveredAttempts.inc({ channel });
    attemptLog.warn(
      'previous attempt was abandoned by a worker that died; its outcome is unknown, sending again',
    );
  }

  const stopTimer = ctx.metrics.sendDuration.startTimer({ channel });
  let result: AttemptResult;
  try {
    result = await attempt(delivery, claim);
  } catch (err) {
    // A bug or an outage of our own (database) rather than the relay's answer: retry.
    attemptLog.error({ err }, 'delivery attempt failed unexpectedly');
    result = {
      kind: 'failed',
      permanent: false,
      reason: `internal error: ${(err as Error).message}`,
    };
  }

  if (result.kind === 'sent') {
    stopTimer({ outcome: 'sent' });
    const sentAt = await persist(() => ctx.deliveries.markSent(delivery, claim, result.response));
    ctx.metrics.deliveries.inc({ channel, outcome: 'sent' });
    ctx.metrics.deliveryLatency.observe(
      { channel },
      (sentAt.getTime() - delivery.createdAt.getTime()) / 1000,
    );
    attemptLog.info({ kind: delivery.kind }, 'delivered');
    return { status: 'sent', attempt: claim.n };
  }
  if (result.kind === 'skipped') {
    stopTimer({ outcome: 'skipped' });
    await ctx.deliveries.markSkipped(delivery, claim, result.reason);
    ctx.metrics.deliveries.inc({ channel, outcome: 'skipped' });
    attemptLog.info({ reason: result.reason }, 'delivery no longer applies; skipped');
    return { status: 'skipped', attempt: claim.n };
  }

  stopTimer({ outcome: 'failed' });
  const final = result.permanent || isLastAttempt(job.attemptsMade, job.opts.attempts);
  await ctx.deliveries.markFailed(delivery, claim, {
    reason: result.reason,
    statusCode: result.statusCode,
    final,
  });
  ctx.metrics.deliveries.inc({ channel, outcome: final ? 'failed' : 'retried' });
  if (final) {
    attemptLog.error({ reason: result.reason }, 'delivery failed for good');
    throw new UnrecoverableError(result.reason);
  }
  attemptLog.warn({ reason: result.reason }, 'delivery attempt failed; will retry');
  throw new Error(result.reason);
}

/**
 * The message went out: recording that must not give up at the first database hiccup, or
 * the next run would find an unfinished attempt and, once it expires, send again.
 */
async function persist<T>(write: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (i >= RECORD_TRIES) throw err;
      await new Promise((r) => setTimeout(r, 250 * 2 ** i));
    }
  }
}
