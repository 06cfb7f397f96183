import type { Redis } from 'ioredis';
import { Producer, type EnqueueOptions, type PayloadOf, type QueueName } from '@portal/queue';

/** How often, and how patiently, a referral is offered to the hotline. */
export interface DispatchRetryPolicy {
  attempts: number;
  /** First retry delay; each further one doubles, up to `maxBackoffMs`. */
  backoffMs: number;
  /**
   * No retry waits longer. A hotline's `Retry-After` is waited for, up to this; so the last
   * attempt (and FAILED) comes at most `(attempts − 1) · maxBackoffMs` after the first.
   */
  maxBackoffMs: number;
}

/** Each retry's delay is cut by up to this share at random, so referrals that failed together spread out. */
export const DISPATCH_BACKOFF_JITTER = 0.2;

/** A producer that gives every job of its queue the same retry policy. */
class RetryingProducer<Q extends QueueName> extends Producer<Q> {
  constructor(
    name: Q,
    connection: Redis,
    prefix: string,
    private readonly policy: DispatchRetryPolicy,
  ) {
    super(name, connection, prefix);
  }

  override enqueue(payload: PayloadOf<Q>, options: EnqueueOptions): Promise<string> {
    return super.enqueue(payload, {
      attempts: this.policy.attempts,
      backoffMs: this.policy.backoffMs,
      maxBackoffMs: this.policy.maxBackoffMs,
      backoffJitter: DISPATCH_BACKOFF_JITTER,
      ...options,
    });
  }
}

export interface ReferralProducers {
  'referral-dispatch': Producer<'referral-dispatch'>;
  'referral-maintenance': Producer<'referral-maintenance'>;
  'forum-events': Producer<'forum-events'>;
  notifications: Producer<'notifications'>;
}

/** The queues this service writes to, on one (producer) Redis connection. */
export function createProducers(
  redis: Redis,
  prefix: string,
  dispatch: DispatchRetryPolicy,
): ReferralProducers {
  return {
    'referral-dispatch': new RetryingProducer('referral-dispatch', redis, prefix, dispatch),
    'referral-maintenance': new Producer('referral-maintenance', redis, prefix),
    'forum-events': new Producer('forum-events', redis, prefix),
    notifications: new Producer('notifications', redis, prefix),
  };
}

export async function closeProducers(producers: ReferralProducers): Promise<void> {
  await Promise.all(Object.values(producers).map((p: Producer<QueueName>) => p.close()));
}
