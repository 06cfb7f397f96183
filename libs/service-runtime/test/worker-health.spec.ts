import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ManagedProcess,
  freePort,
  startRedis,
  waitForHttp,
  workspaceRoot,
  type StartedRedis,
} from '@portal/local-services';
import { metricValue, uniqueName, waitUntil } from '@portal/testing';

let redis: StartedRedis;
let admin: Redis;
const started: ManagedProcess[] = [];

beforeAll(async () => {
  redis = await startRedis({
    port: await freePort(),
    dir: mkdtempSync(join(tmpdir(), 'worker-health-')),
    persistent: false,
  });
  admin = new Redis(redis.url);
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  admin?.disconnect();
  await redis?.process.stop();
});

function worker(prefix: string, opsPort: number, mode: 'run' | 'paused' | 'unwatched') {
  const proc = new ManagedProcess({
    name: 'progress-worker',
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      join(import.meta.dirname, 'fixtures/progress-worker.ts'),
      redis.url,
      prefix,
      String(opsPort),
      mode,
    ],
    cwd: workspaceRoot(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    output: 'ignore',
  });
  let stderr = '';
  proc.child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  started.push(proc);
  return { proc, stderr: () => stderr };
}

describe('worker processes', () => {
  it('refuse to start on a Redis that may evict keys, saying why', async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const { proc, stderr } = worker(uniqueName('evict'), await freePort(), 'run');
      expect(await proc.exited, proc.describe()).toBe(1);
      expect(stderr()).toContain(
        'progress-worker: Redis maxmemory-policy is allkeys-lru, but queued jobs need noeviction',
      );
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
    }
  }, 60_000);

  it('refuse to start when a worker of theirs is not watched for progress', async () => {
    const { proc, stderr } = worker(uniqueName('unwatched'), await freePort(), 'unwatched');
    expect(await proc.exited, proc.describe()).toBe(1);
    expect(stderr()).toContain('progress-worker: no worker joined its queue health');
  }, 60_000);

  it('report progress on /metrics, and no progress on /readyz when jobs wait and none runs', async () => {
    const prefix = uniqueName('progress');
    const queue = new Queue('forum-maintenance', { connection: admin, prefix });
    try {
      const runsPort = await freePort();
      const runs = worker(prefix, runsPort, 'run');
      await waitForHttp(`http://127.0.0.1:${runsPort}/healthz`, {
        timeoutMs: 90_000,
        isAlive: () => runs.proc.running,
      });
      for (let i = 0; i < 3; i++) await queue.add('m', { task: 'x' }, { jobId: `m${i}` });
      const finished = async () =>
        metricValue(
          await (await fetch(`http://127.0.0.1:${runsPort}/metrics`)).text(),
          'worker_jobs_finished',
          { queue: 'forum-maintenance', outcome: 'completed' },
        );
      await waitUntil(async () => (await finished()) === 3, {
        what: 'three jobs reported finished',
        timeoutMs: 30_000,
      });
      const text = await (await fetch(`http://127.0.0.1:${runsPort}/metrics`)).text();
      expect(metricValue(text, 'bullmq_jobs_completed_total', { queue: 'forum-maintenance' })).toBe(
        3,
      );
      expect((await fetch(`http://127.0.0.1:${runsPort}/readyz`)).status).toBe(200);
      await runs.proc.stop();

      // Connected to Redis, healthy by every other check, but taking no job.
      const stuckPort = await freePort();
      const stuck = worker(prefix, stuckPort, 'paused');
      await waitForHttp(`http://127.0.0.1:${stuckPort}/healthz`, {
        timeoutMs: 90_000,
        isAlive: () => stuck.proc.running,
      });
      await queue.add('m', { task: 'x' }, { jobId: 'waiting' });
      const body = await waitUntil(
        async () => {
          const res = await fetch(`http://127.0.0.1:${stuckPort}/readyz`);
          return res.status === 503
            ? ((await res.json()) as { checks: Record<string, string> })
            : null;
        },
        { what: 'readiness to report no progress', timeoutMs: 30_000, intervalMs: 200 },
      );
      expect(body.checks).toMatchObject({ redis: 'ok' });
      expect(body.checks.progress).toMatch(/no progress \(forum-maintenance: 1 waiting/);
    } finally {
      await queue.close();
    }
  }, 180_000);
});
