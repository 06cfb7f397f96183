import { describe, expect, it } from 'vitest';
import { createLagMonitor } from './event-loop';

describe('event-loop lag monitor', () => {
  it('is ready while the loop turns, and not while one task holds it', async () => {
    const lag = createLagMonitor({ maxLagMs: 300, sampleMs: 50, windowMs: 1000 });
    try {
      await new Promise((r) => setTimeout(r, 120));
      await expect(lag.readiness.check()).resolves.toBeUndefined();
      const until = Date.now() + 600;
      while (Date.now() < until) {
        // One task holding the only thread.
      }
      await expect(lag.readiness.check()).rejects.toThrow(/event loop delayed \d+ ms/);
      expect(lag.recentMaxMs()).toBeGreaterThanOrEqual(300);
    } finally {
      lag.stop();
    }
  });
});
