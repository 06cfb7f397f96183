import { describe, expect, it } from 'vitest';
import type { GraphChange } from '@portal/queue';
import { REBUILD_WINDOW_MS, queueRefreshes } from './graph-change-follower';

type Enqueued = { payload: unknown; jobId: string; delayMs?: number };

function recorder() {
  const jobs: Enqueued[] = [];
  return {
    jobs,
    index: {
      enqueue: async (payload: unknown, options: { jobId: string; delayMs?: number }) => {
        jobs.push({ payload, jobId: options.jobId, delayMs: options.delayMs });
        return options.jobId;
      },
    },
  };
}

const whole = (type: string): GraphChange => ({ type, ids: [], lists: true });
const start = 1_796_525_040_000; // a window's first millisecond

describe('index jobs from graph changes', () => {
  it('gives every whole-type change of one window the same rebuild, started after the window closes', async () => {
    const { jobs, index } = recorder();
    // A seed: one change after another, each read on its own.
    for (let i = 0; i < 50; i++)
      await queueRefreshes([whole('Article')], `${start + i * 100}-${i % 3}`, index, () => start);
    const ids = new Set(jobs.map((j) => j.jobId));
    expect(ids.size).toBe(1);
    expect(jobs.every((j) => (j.payload as { type: string }).type === 'rebuild')).toBe(true);
    // Not before the window's last change can have been written (plus the clocks' margin).
    expect(jobs[0]!.delayMs).toBeGreaterThanOrEqual(REBUILD_WINDOW_MS);
    // A change of the next window gets a rebuild of its own.
    await queueRefreshes(
      [whole('Thread')],
      `${start + REBUILD_WINDOW_MS + 5}-0`,
      index,
      () => start,
    );
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(2);
  });

  it('starts a rebuild for a window already past at once, and refreshes ids by id', async () => {
    const { jobs, index } = recorder();
    const later = () => start + 10 * REBUILD_WINDOW_MS;
    await queueRefreshes(
      [whole('LibraryItem'), { type: 'Article', ids: ['a1', 'a2'], lists: false }],
      `${start + 3}-0`,
      index,
      later,
    );
    expect(jobs).toEqual([
      {
        payload: { type: 'refresh', source: 'Article', ids: ['a1', 'a2'] },
        jobId: `refresh-Article-${start + 3}-0-0`,
        delayMs: undefined,
      },
      {
        payload: { type: 'rebuild' },
        jobId: expect.stringMatching(/^rebuild-window-/),
        delayMs: expect.any(Number),
      },
    ]);
    expect(jobs[1]!.delayMs).toBeLessThanOrEqual(0);
  });
});
