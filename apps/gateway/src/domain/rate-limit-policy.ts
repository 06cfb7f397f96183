/** Requests allowed per sliding window, by kind of caller. */
export interface RateLimits {
  windowSeconds: number;
  /** Per client IP, for callers with no credentials. */
  anonymous: number;
  /** Per person (JWT subject). */
  person: number;
  /** Per API key, by the key's tier; unknown tiers get `defaultTier`'s limit. */
  tiers: Record<string, number>;
  defaultTier: string;
}

export type Caller =
  | { kind: 'anonymous'; ip: string }
  | { kind: 'person'; userId: string }
  | { kind: 'partner'; keyId: string; tier: string };

export interface RateLimitBucket {
  /** Redis key suffix naming who is counted. */
  key: string;
  limit: number;
  /** Label for metrics. */
  kind: Caller['kind'];
}

/** Which counter a request consumes and how many requests it allows per window. */
export function rateLimitBucket(caller: Caller, limits: RateLimits): RateLimitBucket {
  switch (caller.kind) {
    case 'anonymous':
      return { key: `ip:${caller.ip}`, limit: limits.anonymous, kind: caller.kind };
    case 'person':
      return { key: `user:${caller.userId}`, limit: limits.person, kind: caller.kind };
    case 'partner':
      return {
        key: `key:${caller.keyId}`,
        limit: limits.tiers[caller.tier] ?? limits.tiers[limits.defaultTier] ?? limits.person,
        kind: caller.kind,
      };
    default: {
      const unreachable: never = caller;
      return unreachable;
    }
  }
}
