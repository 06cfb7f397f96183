import { mkdirSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { Producer, UnrecoverableError } from '@portal/queue';
import {
  runAtOnce,
  spawnServingApp,
  timeoutForProcesses,
  waitUntil,
  waitForReady,
} from '@portal/testing';
import { libraryMaintenanceProcessor } from '../src/jobs/library-maintenance.processor';
import { sweepStorage } from '../src/jobs/sweep-storage';
import { contentKey } from '../src/storage/file-storage';
import { samplePng } from '../src/seed/sample-files';
import {
  flushTestCounters,
  libraryProcessEnv,
  silentLogger,
  uploadAsEditor,
  useTestLibrary,
} from './helpers';

const lib = useTestLibrary('library-worker');
const newId = () => new Types.ObjectId().toHexString();
const stats = async (id: string) => lib.models.stats.findById(new Types.ObjectId(id)).lean();
const flush = () => flushTestCounters(lib);

describe('the library worker process', { timeout: timeoutForProcesses(1, 60_000) }, () => {
  it('flushes pending counts on its schedule, adds promoted contest winners, answers health checks and stops on SIGTERM', async () => {
    const worker = await spawnServingApp('library', 'worker', {
      ...libraryProcessEnv(lib),
      LIBRARY_COUNTER_FLUSH_SECONDS: '1',
    });
    try {
      expect(await waitForReady(`${worker.url}/readyz`)).toEqual({
        status: 'ready',
        checks: { mongo: 'ok', redis: 'ok', storage: 'ok', 'event-loop': 'ok', progress: 'ok' },
      });
      const item = newId();
      await lib.counters.recordOnce('download', item, 'client-1');
      await lib.counters.recordOnce('download', item, 'client-2');
      await lib.counters.recordOnce('view', item, 'client-1');
      const flushed = await waitUntil(
        async () => {
          const s = await stats(item);
          return s && s.downloadCount === 2 && s.viewCount === 1 ? s : null;
        },
        { what: 'the worker to flush the counts' },
      );
      expect(flushed.downloadCount).toBe(2);
      expect(await lib.counters.pending()).toEqual({});

      // It takes contest winners promoted by engagement off the library-events queue.
      const producer = new Producer('library-events', lib.redis, lib.keyPrefix);
      const showcaseEntryId = newId();
      try {
        await producer.enqueue(
          {
            type: 'showcase.promote',
            showcaseEntryId,
            contestId: newId(),
            contestEntryId: newId(),
            contestTitle: 'AI-Challenge TP.HCM 2025',
            title: 'Trợ lý ảo tiếp dân',
            description: 'Trả lời câu hỏi thường gặp của người dân tại bộ phận một cửa.',
            team: [{ name: 'Nhóm Một Cửa', role: null }],
            award: 'SECOND',
            awardTitle: 'Giải Nhì',
            year: 2025,
            category: 'PUBLIC_SERVICES',
            tryItUrl: 'https://tiep-dan.example.vn',
            demoVideoItemId: null,
            promotedBy: 'editor-1',
          },
          { jobId: `showcase-promote.${showcaseEntryId}` },
        );
        const entry = await waitUntil(() => lib.models.showcase.findById(showcaseEntryId).lean(), {
          what: 'the worker to create the promoted showcase entry',
        });
        expect(entry).toMatchObject({ title: 'Trợ lý ảo tiếp dân', award: 'SECOND', year: 2025 });
      } finally {
        await producer.close();
      }
    } finally {
      await worker.stop();
    }
    expect(await worker.process.exited, worker.process.describe()).toBe(0);
  });
});

describe('counter flush', () => {
  it('adds a batch exactly once when a flush died half-way through it', async () => {
    const [a, b] = [newId(), newId()];
    await lib.counters.recordOnce('download', a, 'c1');
    await lib.counters.recordOnce('download', b, 'c1');
    await lib.counters.recordOnce('download', b, 'c2');
    const batchId = await lib.counters.sealLive();
    expect(batchId).not.toBeNull();
    // The crashed flush had reached item a only.
    await lib.models.stats.create({
      _id: new Types.ObjectId(a),
      downloadCount: 1,
      viewCount: 0,
      lastBatchId: batchId!,
      updatedAt: new Date(),
    });
    // Counting went on meanwhile.
    await lib.counters.recordOnce('download', a, 'c3');

    const result = await flush();
    expect(result).toMatchObject({ skipped: false, batches: 2 });
    expect((await stats(a))?.downloadCount).toBe(2);
    expect((await stats(b))?.downloadCount).toBe(2);
    expect(await lib.counters.batchIds()).toEqual([]);
    // Nothing left to add: a second flush changes nothing.
    await flush();
    expect((await stats(a))?.downloadCount).toBe(2);
  });

  it('takes in the counts the version before the shared counter left, once', async () => {
    const [a, b] = [newId(), newId()];
    const old = `${lib.prefix}:{library-counters}`;
    // A half-folded old batch (item a has it) and old pending counts.
    await lib.redis.hset(`${old}:batch:000000000000001-aa`, `download:${a}`, '2', `view:${b}`, '1');
    await lib.redis.sadd(`${old}:batches`, '000000000000001-aa');
    await lib.models.stats.create({
      _id: new Types.ObjectId(a),
      downloadCount: 2,
      viewCount: 0,
      lastBatchId: '000000000000001-aa',
      updatedAt: new Date(),
    });
    await lib.redis.hset(`${old}:pending`, `download:${a}`, '1');
    expect(await flush()).toMatchObject({ skipped: false, batches: 2 });
    expect(await stats(a)).toMatchObject({ downloadCount: 3, viewCount: 0 });
    expect(await stats(b)).toMatchObject({ downloadCount: 0, viewCount: 1 });
    expect(await lib.redis.keys(`${old}:*`)).toEqual([]);
    await flush();
    expect(await stats(a)).toMatchObject({ downloadCount: 3 });
  });

  it('runs one flush at a time and loses no count', async () => {
    const item = newId();
    for (let i = 0; i < 25; i++) await lib.counters.recordOnce('view', item, `client-${i}`);
    // A flush past the lock waits in its first step until every flush has either got that far
    // or given up, so two flushes that both got past the lock would be inside it together.
    const { results, mostInside } = await runAtOnce({
      target: lib.counters,
      step: 'sealLive',
      attempts: 3,
      run: flush,
      gaveUp: (result) => result.skipped,
    });
    expect(results.filter((r) => !r.skipped)).toHaveLength(1);
    expect(mostInside).toBe(1);
    await flush();
    expect((await stats(item))?.viewCount).toBe(25);
  });
});

describe('storage sweep', () => {
  it('removes stale staged uploads and objects no record points to, and nothing else', async () => {
    const kept = await uploadAsEditor(lib, {
      bytes: samplePng({ width: 12, height: 12, hue: 90 }),
      name: 'giu.png',
    });
    const keptPath = join(lib.filesDir, ...contentKey(kept.sha256).split('/'));
    const orphanSha = 'ab'.repeat(32);
    const orphanPath = join(lib.filesDir, ...contentKey(orphanSha).split('/'));
    const freshOrphanPath = join(lib.filesDir, ...contentKey('cd'.repeat(32)).split('/'));
    const stagedPath = join(lib.filesDir, '.staging', 'old-upload.part');
    for (const p of [orphanPath, freshOrphanPath, stagedPath]) {
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, 'partial');
    }
    const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000);
    for (const p of [orphanPath, stagedPath, keptPath]) utimesSync(p, twoDaysAgo, twoDaysAgo);

    const result = await sweepStorage({
      storage: lib.storage,
      blobs: lib.models.blobs,
      logger: silentLogger,
    });
    expect(result).toEqual({ stagedRemoved: 1, orphansRemoved: 1 });
    expect(existsSync(orphanPath)).toBe(false);
    expect(existsSync(stagedPath)).toBe(false);
    expect(existsSync(keptPath)).toBe(true);
    expect(existsSync(freshOrphanPath)).toBe(true);
  });

  it('fails an unknown task for good instead of retrying it', async () => {
    const processor = libraryMaintenanceProcessor({
      models: lib.models,
      counters: lib.counters,
      storage: lib.storage,
      logger: silentLogger,
    });
    await expect(processor({ task: 'reindex-everything' }, {} as never)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });
});
