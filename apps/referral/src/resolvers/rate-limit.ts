import { clientKeyOf } from '@portal/auth';
import type { RateLimiter } from '@portal/http';
import { isDomainError } from '@portal/errors';
import type { ReferralContext } from '../context';

/**
 * Counts one action against `limiter` for the person (or, for anonymous callers, the
 * client the gateway identified). RATE_LIMITED when over; if Redis cannot be asked, the
 * action is allowed: accepting feedback matters more than counting it.
 */
export async function consumeLimit(ctx: ReferralContext, limiter: RateLimiter): Promise<void> {
  try {
    await limiter.consume(clientKeyOf(ctx));
  } catch (err) {
    if (isDomainError(err)) throw err;
    ctx.logger.warn({ err: (err as Error).message }, 'rate limiter unavailable; allowing');
  }
}
