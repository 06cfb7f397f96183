import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { clientSubject, deriveClientKey } from '@portal/auth';
import { isDomainError, rateLimited, type DomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';
import { rateLimitBucket, type Caller, type RateLimits } from '../domain/rate-limit-policy';
import type { Identity, IdentityResolver } from '../identity/identity';
import type { GatewayMetrics } from '../metrics';
import type { SlidingWindowLimiter } from '../rate-limit/sliding-window-limiter';

/** What the gateway knows about a request once it is let in. */
export interface RequestAccess {
  requestId: string;
  identity: Identity;
  /** Salted hash of the person, the API key or (anonymous) the client address: rate limits and once-per-client counting in subgraphs. */
  clientKey: string;
  ip: string;
}

export function accessOf(res: Response): RequestAccess {
  const access = res.locals.access as RequestAccess | undefined;
  if (!access) throw new Error('accessControl middleware did not run');
  return access;
}

export interface AccessControlDeps {
  resolveIdentity: IdentityResolver;
  limiter: SlidingWindowLimiter;
  limits: RateLimits;
  clientKeySecret: string;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Answers a refusal in the route's own style (GraphQL errors or JSON error objects). */
  refuse: (res: Response, err: DomainError) => void;
}

function callerOf(identity: Identity, ip: string): Caller {
  switch (identity.kind) {
    case 'anonymous':
      return { kind: 'anonymous', ip };
    case 'person':
      return { kind: 'person', userId: identity.viewer.id };
    case 'partner':
      return { kind: 'partner', keyId: identity.apiClient.id, tier: identity.apiClient.tier };
    default: {
      const unreachable: never = identity;
      return unreachable;
    }
  }
}

/**
 * Identifies the caller (bearer token, API key or nobody) and applies its rate limit.
 * Refused credentials answer 401, an exhausted limit 429 with Retry-After; failed
 * sign-ins count against the client address, so guessing keys is throttled as well.
 */
export function accessControl(deps: AccessControlDeps): RequestHandler {
  const limit = async (res: Response, caller: Caller): Promise<DomainError | null> => {
    const bucket = rateLimitBucket(caller, deps.limits);
    try {
      const decision = await deps.limiter.consume(bucket.key, bucket.limit);
      res.setHeader('ratelimit-limit', String(decision.limit));
      res.setHeader('ratelimit-remaining', String(decision.remaining));
      if (decision.allowed) return null;
      deps.metrics.rateLimited.inc({ caller: bucket.kind });
      return rateLimited(
        decision.retryAfterSeconds,
        `Too many requests; try again in ${decision.retryAfterSeconds} s`,
      );
    } catch (err) {
      // Redis being down must not take the portal down with it; the outage is logged loudly.
      deps.logger.error({ err }, 'rate limiter unavailable; request let through unchecked');
      return null;
    }
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let identity: Identity;
    try {
      identity = await deps.resolveIdentity(req.headers);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      deps.refuse(res, (await limit(res, { kind: 'anonymous', ip })) ?? err);
      return;
    }
    const refused = await limit(res, callerOf(identity, ip));
    if (refused) {
      deps.refuse(res, refused);
      return;
    }
    const access: RequestAccess = {
      requestId: String(res.locals.requestId),
      identity,
      clientKey: deriveClientKey(deps.clientKeySecret, clientSubject(identity.viewer, ip)),
      ip,
    };
    res.locals.access = access;
    next();
  };
}
