/** How the simulator misbehaves, changeable at run time through the control endpoint. */
export interface FaultSettings {
  /** Every intake call answers 503. */
  down: boolean;
  /** While set and in the future, intake calls answer 503 (an outage that ends by itself). */
  downUntil: Date | null;
  /** Share of intake calls answered 500 (nothing recorded). */
  errorRate: number;
  /** Share of intake calls answered 429 with `Retry-After: retryAfterSeconds` (nothing recorded). */
  rateLimitRate: number;
  retryAfterSeconds: number;
  /** Share of intake calls recorded but answered only after `hangMs` (the caller times out). */
  timeoutRate: number;
  hangMs: number;
}

export type FaultOutcome = 'down' | 'rate-limited' | 'error' | 'timeout' | 'ok';

/** What happens to one intake call. `random` is injectable so tests can be exact. */
export function decideFault(
  settings: FaultSettings,
  now: Date,
  random: () => number = Math.random,
): FaultOutcome {
  if (settings.down || (settings.downUntil && settings.downUntil > now)) return 'down';
  if (settings.rateLimitRate > 0 && random() < settings.rateLimitRate) return 'rate-limited';
  if (settings.errorRate > 0 && random() < settings.errorRate) return 'error';
  if (settings.timeoutRate > 0 && random() < settings.timeoutRate) return 'timeout';
  return 'ok';
}
