import type { ReadinessCheck } from '@portal/http';

/**
 * A readiness check whose outcome is reused for `ttlMs`: however often /readyz is called,
 * the gateway asks Redis, the database and each subgraph at most once per period.
 */
export function cachedCheck(check: ReadinessCheck, ttlMs: number): ReadinessCheck {
  let last: { at: number; outcome: Promise<void> } | undefined;
  return {
    name: check.name,
    check: () => {
      const now = Date.now();
      if (!last || now - last.at >= ttlMs) {
        const outcome = check.check();
        // A failed outcome is cached like a good one; unhandled-rejection noise is not.
        outcome.catch(() => {});
        last = { at: now, outcome };
      }
      return last.outcome;
    },
  };
}
