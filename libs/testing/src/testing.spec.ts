import { describe, expect, it } from 'vitest';
import { verifyInternalToken, type Role } from '@portal/auth';
import { TEST_INTERNAL_SECRET, uniqueName } from './test-env';
import { internalTokenFor, testViewer } from './viewers';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitForJob, waitForReady, waitUntil } from './wait';
import { EDITORS_AND_ADMINS_ONLY, expectErrorCodes } from './subgraph-harness';
import { viewsByDevice, viewsByReferrer, viewsByRegion } from './audience';

describe('testing helpers', () => {
  it('makes unique, database-safe names', () => {
    const a = uniqueName('content articles/ä');
    expect(a).toMatch(/^t_content_articles___[0-9a-f]{8}$/);
    expect(uniqueName('x')).not.toBe(uniqueName('x'));
  });

  it('waits for a condition and reports what timed out', async () => {
    let n = 0;
    expect(await waitUntil(() => ++n >= 3 && n, { intervalMs: 1 })).toBe(3);
    await expect(
      waitUntil(() => false, { timeoutMs: 50, intervalMs: 10, what: 'the moon' }),
    ).rejects.toThrow(/the moon/);
  });

  it('reads a job only once it is in the state waited for, never a copy from before', async () => {
    // A job that fails after the first look at it (its worker runs in between): each read
    // copies the job as it is then.
    let looks = 0;
    const now = () =>
      ++looks >= 2 ? { state: 'failed', attemptsMade: 1 } : { state: 'active', attemptsMade: 0 };
    const queue = {
      getJob: async (_id: string) => ({ ...now() }),
      getJobState: async (_id: string) => now().state,
    };
    // Reading the job, then its state, returns the copy from before it failed.
    const stale = await queue.getJob('j1');
    expect([stale.attemptsMade, await queue.getJobState('j1')]).toEqual([0, 'failed']);
    looks = 0;
    const failed = await waitForJob(queue, 'j1', 'failed', { timeoutMs: 1000 });
    expect(failed).toEqual({ state: 'failed', attemptsMade: 1 });
    await expect(
      waitForJob(queue, 'j1', 'completed', { timeoutMs: 50, what: 'j1 done' }),
    ).rejects.toThrow(/j1 done/);
  });

  it('reads /readyz once it answers 200, and says what it answered last when it never does', async () => {
    let calls = 0;
    const server = createServer((req, res) => {
      calls += 1;
      const ready = req.url === '/readyz' && calls > 2;
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: ready ? 'ready' : 'not ready',
          checks: { mongo: 'ok', 'event-loop': ready ? 'ok' : 'failing' },
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await waitForReady(`${base}/readyz`)).toEqual({
        status: 'ready',
        checks: { mongo: 'ok', 'event-loop': 'ok' },
      });
      expect(calls).toBe(3);
      await expect(waitForReady(`${base}/never`, 500)).rejects.toThrow(
        /last answer: 503 .*"event-loop":"failing"/,
      );
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('signs internal tokens the subgraphs accept', async () => {
    const viewer = testViewer('officer', { department: 'SO-YT' });
    const result = await verifyInternalToken(await internalTokenFor(viewer), TEST_INTERNAL_SECRET, {
      audience: 'forum',
    });
    expect(result.viewer).toMatchObject({
      id: 'officer-1',
      roles: ['citizen', 'officer'],
      department: 'SO-YT',
    });
  });
});

describe('bench helpers', () => {
  it('computes nearest-rank percentiles and judges targets', async () => {
    const { meetsTarget, percentile } = await import('./bench');
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 99)).toBe(7);
    expect(meetsTarget({ name: 'x', value: 40, unit: 'ms', target: 50, better: 'lower' })).toBe(
      true,
    );
    expect(meetsTarget({ name: 'x', value: 40, unit: 'ops/s', target: 50, better: 'higher' })).toBe(
      false,
    );
    expect(meetsTarget({ name: 'x', value: 40, unit: 'ms', better: 'lower' })).toBeNull();
  });

  it('spreads generated records evenly over the rolling year the statistics benches ask about', async () => {
    const { rollingYear, spreadEvenly } = await import('./bench');
    const now = Date.parse('2025-12-01T00:00:00Z');
    const year = rollingYear(now);
    expect(year).toEqual({ from: new Date('2024-12-01T00:00:00Z'), to: new Date(now) });
    expect(spreadEvenly(year, 0, 4)).toEqual(year.from);
    expect(spreadEvenly(year, 2, 4)).toEqual(new Date('2025-06-01T12:00:00Z'));
    expect(spreadEvenly(year, 4, 4)).toEqual(year.to);
  });
});

describe('audience breakdowns', () => {
  it('lists every class in the schema order, zero where none is given', () => {
    expect(viewsByDevice({ MOBILE: 2 })).toEqual([
      { device: 'DESKTOP', views: 0 },
      { device: 'MOBILE', views: 2 },
      { device: 'TABLET', views: 0 },
    ]);
    expect(viewsByRegion({ ABROAD: 1 })).toEqual([
      { region: 'HCMC', views: 0 },
      { region: 'OTHER_PROVINCE', views: 0 },
      { region: 'ABROAD', views: 1 },
      { region: 'UNKNOWN', views: 0 },
    ]);
    expect(viewsByReferrer({ SEARCH: 1, OTHER: 3 })).toEqual([
      { referrer: 'SEARCH', views: 1 },
      { referrer: 'SOCIAL', views: 0 },
      { referrer: 'DIRECT', views: 0 },
      { referrer: 'BULLETIN', views: 0 },
      { referrer: 'PARTNER', views: 0 },
      { referrer: 'OTHER', views: 3 },
    ]);
  });
});

describe('who-may-do-what tables', () => {
  const answer = (codes?: string[]) => ({
    status: 200,
    headers: new Headers(),
    data: null,
    errors: codes?.map((code) => ({ message: code, extensions: { code } })),
  });
  const call = async (who: Role | null) =>
    who === null
      ? answer(['UNAUTHENTICATED'])
      : who === 'admin'
        ? answer()
        : who === 'editor'
          ? answer([])
          : answer(['FORBIDDEN']);

  it("asserts each caller's one error code, or an answer without errors", async () => {
    await expectErrorCodes(call, { ...EDITORS_AND_ADMINS_ONLY, admin: null });
    // An empty error list is not an answer without errors; two codes are not one.
    await expect(expectErrorCodes(call, { editor: null })).rejects.toThrow(/editor/);
    await expect(
      expectErrorCodes(async () => answer(['FORBIDDEN', 'FORBIDDEN']), { citizen: 'FORBIDDEN' }),
    ).rejects.toThrow(/citizen/);
    await expect(expectErrorCodes(call, { citizen: null, admin: 'FORBIDDEN' })).rejects.toThrow(
      /admin/,
    );
  });
});
