import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { ReadinessCheck } from './ops-server';

export interface LagMonitor {
  /** The largest event-loop delay seen in the recent window, in milliseconds. */
  recentMaxMs(): number;
  /** The share of the recent window the event loop spent busy (0 to 1). */
  recentUtilization(): number;
  /** A /readyz check that fails while the event loop is held (busy and late). */
  readiness: ReadinessCheck;
  stop(): void;
}

/**
 * Watches the event loop over the last `windowMs`: how late a timer due every `sampleMs`
 * fires (delay), and how much of the time the loop was busy (utilization). When it was
 * busy more than `maxUtilization` of the window and late by more than `maxLagMs`, the
 * process is held by something (a runaway query, a hot loop) and reports itself unready
 * instead of "OK". One slow moment (a start-up compile) or a busy but responsive loop
 * does not flip readiness.
 */
export function createLagMonitor(
  options: {
    maxLagMs?: number;
    maxUtilization?: number;
    sampleMs?: number;
    windowMs?: number;
  } = {},
): LagMonitor {
  const maxLagMs = options.maxLagMs ?? 1000;
  const maxUtilization = options.maxUtilization ?? 0.9;
  const sampleMs = options.sampleMs ?? 250;
  const windowMs = options.windowMs ?? 5000;
  // Samples by time, so a busy loop (which samples less often) is judged over the same span.
  const lags: { at: number; lag: number }[] = [];
  const usage: { at: number; elu: EventLoopUtilization }[] = [
    { at: performance.now(), elu: performance.eventLoopUtilization() },
  ];
  let expected = performance.now() + sampleMs;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push({ at: now, lag: Math.max(0, now - expected) });
    usage.push({ at: now, elu: performance.eventLoopUtilization() });
    while (lags.length > 1 && lags[0]!.at < now - windowMs) lags.shift();
    while (usage.length > 2 && usage[1]!.at <= now - windowMs) usage.shift();
    expected = now + sampleMs;
  }, sampleMs);
  timer.unref();
  const recentMaxMs = () => Math.round(Math.max(0, ...lags.map((s) => s.lag)));
  const recentUtilization = () =>
    performance.eventLoopUtilization(performance.eventLoopUtilization(), usage[0]!.elu).utilization;
  return {
    recentMaxMs,
    recentUtilization,
    readiness: {
      name: 'event-loop',
      check: async () => {
        const busy = recentUtilization();
        const lag = recentMaxMs();
        if (busy > maxUtilization && lag > maxLagMs)
          throw new Error(
            `event loop held: busy ${Math.round(busy * 100)}% of the last ${Math.round(windowMs / 1000)} s, delayed up to ${lag} ms`,
          );
      },
    },
    stop: () => clearInterval(timer),
  };
}
