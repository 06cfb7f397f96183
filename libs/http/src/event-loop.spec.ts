import { describe, expect, it } from 'vitest';
import { createLagMonitor } from './event-loop';

/** Holds the only thread in `blockMs` slices for `totalMs`, letting timers run in between. */
async function hog(totalMs: number, blockMs: number): Promise<void> {
  const end = Date.now() + totalMs;
  while (Date.now() < end) {
    const until = Date.now() + blockMs;
    while (Date.now() < until) {
      // Busy.
    }
    await new Promise((r) => setImmediate(r));
  }
}

describe('event-loop lag monitor', () => {
  it('stays ready through one slow moment, and is unready while the loop stays busy', async () => {
    const lag = createLagMonitor({ maxLagMs: 100, sampleMs: 50, windowMs: 1000 });
    try {
      await new Promise((r) => setTimeout(r, 300));
      await expect(lag.readiness.check()).resolves.toBeUndefined();
      await hog(300, 300);
      await new Promise((r) => setTimeout(r, 700));
      await expect(lag.readiness.check()).resolves.toBeUndefined();
      expect(lag.recentMaxMs()).toBeGreaterThanOrEqual(200);
      await hog(1500, 200);
      await expect(lag.readiness.check()).rejects.toThrow(
        /event loop held: busy \d+% of the last \d+ s, delayed up to \d+ ms/,
      );
    } finally {
      lag.stop();
    }
  });
});
