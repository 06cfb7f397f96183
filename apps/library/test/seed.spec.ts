import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchAsGateway, runEntry, timeoutForProcesses } from '@portal/testing';
import { seedLibrary, seedShowcase } from '../src/seed/seed-library';
import { gqlAs, libraryProcessEnv, silentLogger, useTestLibrary } from './helpers';

const lib = useTestLibrary('library-seed');

/** Runs `apps/library/src/seed.ts` as `npm start` does: a real process with its environment. */
function runSeedProcess() {
  return runEntry('library', 'seed', {
    ...libraryProcessEnv(lib),
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  });
}

const ALL = `query($after: String) {
  libraryItems(first: 100, after: $after) {
    nodes { slug format audience language files { id mimeType sizeBytes sha256 } collection { slug } }
    pageInfo { hasNextPage endCursor } totalCount
  }
}`;

describe('the demo seed', () => {
  beforeAll(
    async () => {
      const run = await runSeedProcess();
      if (run.status !== 0) throw new Error(`seed failed (${run.status}): ${run.stderr}`);
    },
    timeoutForProcesses(1, 90_000),
  );

  it('publishes at least 40 items across every format and audience, with real files', async () => {
    const res = await gqlAs(lib, 'anonymous', ALL);
    expect(res.errors).toBeUndefined();
    const items = res.data!.libraryItems;
    expect(items.totalCount).toBeGreaterThanOrEqual(40);
    expect(items.pageInfo.hasNextPage).toBe(false);
    const formats = new Set(items.nodes.map((n: { format: string }) => n.format));
    expect([...formats].sort()).toEqual([
      'AUDIO',
      'COURSE',
      'DOCUMENT',
      'EBOOK',
      'LINK',
      'SLIDES',
      'VIDEO',
    ]);
    const audiences = new Set(items.nodes.flatMap((n: { audience: string[] }) => n.audience));
    expect([...audiences].sort()).toEqual(['BUSINESS', 'CITIZEN', 'CIVIL_SERVANT']);
    expect(new Set(items.nodes.map((n: { language: string }) => n.language))).toEqual(
      new Set(['vi', 'en']),
    );

    const files = items.nodes.flatMap(
      (n: { files: { id: string; sha256: string; sizeBytes: number }[] }) => n.files,
    );
    const types = new Set(files.map((f: { mimeType: string }) => f.mimeType));
    for (const mime of [
      'application/pdf',
      'video/mp4',
      'video/webm',
      'audio/mpeg',
      'audio/mp4',
      'image/png',
      'application/epub+zip',
    ])
      expect(types, mime).toContain(mime);
    // Every file is served whole, and is what its record says.
    for (const file of files) {
      const got = Buffer.from(
        await (await fetchAsGateway(`${lib.url}/files/${file.id}`)).arrayBuffer(),
      );
      expect(got.length).toBe(file.sizeBytes);
      expect(createHash('sha256').update(got).digest('hex')).toBe(file.sha256);
    }
    // The same clips serve several items but are stored once.
    const blobs = await lib.models.blobs.countDocuments();
    expect(blobs).toBeLessThan(await lib.models.files.countDocuments());
  });

  it('keeps drafts and archived items out of public view', async () => {
    const drafts = await gqlAs(
      lib,
      'editor',
      '{ libraryItems(filter: { status: DRAFT }) { totalCount } }',
    );
    expect(drafts.data!.libraryItems.totalCount).toBeGreaterThanOrEqual(1);
    const archived = await gqlAs(
      lib,
      'editor',
      '{ libraryItems(filter: { status: ARCHIVED }) { totalCount } }',
    );
    expect(archived.data!.libraryItems.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('builds three collections and a directory of at least ten apps', async () => {
    const res = await gqlAs(
      lib,
      'anonymous',
      '{ collections { totalCount nodes { title itemCount items(first: 3) { nodes { title } } } } platformApps(first: 50) { totalCount nodes { name category ownerAgency } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.collections.totalCount).toBe(3);
    for (const c of res.data!.collections.nodes) {
      expect(c.itemCount, c.title).toBeGreaterThanOrEqual(5);
      expect(c.items.nodes).toHaveLength(3);
    }
    expect(res.data!.platformApps.totalCount).toBeGreaterThanOrEqual(10);
    const names = res.data!.platformApps.nodes.map((a: { name: string }) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Cổng Dịch vụ công Thành phố Hồ Chí Minh',
        'Tổng đài 1022',
        'Ứng dụng Công dân số TP.HCM',
      ]),
    );
  });

  it('fills the AI-Challenge showcase with winners of several years, with a demo video', async () => {
    const res = await gqlAs(
      lib,
      'anonymous',
      '{ showcaseEntries(first: 50) { totalCount nodes { title year award tryItCount demoVideo { format } } } }',
    );
    expect(res.errors).toBeUndefined();
    const { nodes, totalCount } = res.data!.showcaseEntries;
    expect(totalCount).toBeGreaterThanOrEqual(5);
    expect(new Set(nodes.map((n: { year: number }) => n.year)).size).toBeGreaterThanOrEqual(2);
    expect(nodes[0]).toMatchObject({ year: 2024, award: 'FIRST', demoVideo: { format: 'VIDEO' } });
    expect(nodes.every((n: { tryItCount: number }) => n.tryItCount > 0)).toBe(true);
  });

  it(
    'runs once per database, and writes nothing twice when run again',
    async () => {
      const counts = async () => ({
        items: await lib.models.items.countDocuments(),
        files: await lib.models.files.countDocuments(),
        apps: await lib.models.apps.countDocuments(),
        collections: await lib.models.collections.countDocuments(),
        showcase: await lib.models.showcase.countDocuments(),
      });
      const before = await counts();
      expect((await runSeedProcess()).status).toBe(0);
      expect(await counts()).toEqual(before);
      // Even bypassing the once-per-database marker (an interrupted run starting over).
      const again = await seedLibrary({
        models: lib.models,
        storage: lib.storage,
        counters: lib.counters,
        logger: silentLogger,
      });
      expect(again).toEqual({ items: 0, apps: 0 });
      expect(
        await seedShowcase({
          models: lib.models,
          storage: lib.storage,
          counters: lib.counters,
          logger: silentLogger,
        }),
      ).toEqual({ showcase: 0 });
      expect(await counts()).toEqual(before);
    },
    timeoutForProcesses(1, 60_000),
  );
});
