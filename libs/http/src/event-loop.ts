import type { ReadinessCheck } from './ops-server';

export interface LagMonitor {
  /** The largest event-loop delay seen in the recent window, in milliseconds. */
  recentMaxMs(): number;
  /** A /readyz check that fails while the recent delay exceeds the limit. */
  readiness: ReadinessCheck;
  stop(): void;
}

/**
 * Watches event-loop delay: a timer due every `sampleMs` measures how late it fires, and
 * the worst of the last `windowMs` decides readiness. A process busy on one request (a
 * huge query, a runaway loop) then reports itself unready instead of "OK".
 */
export function createLagMonitor(
  options: { maxLagMs?: number; sampleMs?: number; windowMs?: number } = {},
): LagMonitor {
  const maxLagMs = options.maxLagMs ?? 1000;
  const sampleMs = options.sampleMs ?? 250;
  const samples = Math.max(1, Math.round((options.windowMs ?? 5000) / sampleMs));
  const lags: number[] = [];
  let expected = performance.now() + sampleMs;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    if (lags.length > samples) lags.shift();
    expected = now + sampleMs;
  }, sampleMs);
  timer.unref();
  // A check that runs right after a long block, before the timer's turn, still sees it.
  const recentMaxMs = () => Math.round(Math.max(0, performance.now() - expected, ...lags));
  return {
    recentMaxMs,
    readiness: {
      name: 'event-loop',
      check: async () => {
        const lag = recentMaxMs();
        if (lag > maxLagMs) throw new Error(`event loop delayed ${lag} ms (limit ${maxLagMs})`);
      },
    },
    stop: () => clearInterval(timer),
  };
}
