// The catalog sync against the open-data portal simulator (a real HTTP server), on FerretDB.
import { describe, expect, it } from 'vitest';
import { PreviewRetryError, refreshPreview } from '../src/catalog/preview-refresh';
import { PREVIEW_LIMITS, logger, useCatalog, useOpenDataPortal } from './support/harness';

const portal = useOpenDataPortal();
const catalog = useCatalog('asst_sync', portal);

const ckanCsv = async (url: string) => (await (await fetch(url)).text()).split('\n').slice(1);

/**
 * A sync run held up inside its first (just touched) dataset, once it holds the lease;
 * `release` lets it go on.
 */
async function holdingRun() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const sync = catalog.syncWith(() => held);
  await portal.control('POST', '/datasets/diem-wifi-cong-cong/touch', {});
  const run = sync.run();
  await expect
    .poll(async () => (await catalog.models.SyncState.findById('ckan').lean())?.leaseToken, {
      timeout: 30_000,
    })
    .toBeTruthy();
  return { release, run };
}

describe('catalog sync', () => {
  it('stores every dataset with its licence, publisher, frequency and formats, once', async () => {
    await portal.control('POST', '/reset');
    const first = await catalog.sync.run();
    expect(first.upserted).toBe(3);
    const wifi = await catalog.models.Dataset.findOne({ name: 'diem-wifi-cong-cong' }).lean();
    expect(wifi).toMatchObject({
      title: 'Điểm Wi-Fi công cộng miễn phí',
      licence: { id: 'cc-by', title: 'Creative Commons Attribution' },
      publisher: { name: 'so-thong-tin-va-truyen-thong', title: 'Sở Thông tin và Truyền thông' },
      updateFrequency: 'Hàng quý',
      formats: ['CSV'],
      removedAt: null,
    });
    const dvc = await catalog.models.Dataset.findOne({ name: 'dich-vu-cong-truc-tuyen' }).lean();
    expect(dvc!.formats).toEqual(['CSV', 'XLSX']);
    expect(await catalog.models.Resource.countDocuments({})).toBe(5);
    expect(catalog.changedResources).toHaveLength(5);

    // Again: the same records, no new preview work.
    catalog.changedResources.splice(0);
    await catalog.sync.run();
    expect(await catalog.models.Dataset.countDocuments({})).toBe(3);
    expect(await catalog.models.Resource.countDocuments({})).toBe(5);
    expect(catalog.changedResources).toEqual([]);
  });

  it('asks only for datasets modified since the last sync', async () => {
    catalog.changedDatasets.splice(0);
    await portal.control('POST', '/datasets/don-vi-hanh-chinh/touch', {
      title: 'Đơn vị hành chính cấp quận, huyện (2026)',
    });
    await catalog.sync.run();
    const fetched = new Set(catalog.changedDatasets);
    expect(fetched.has('ds-don-vi-hanh-chinh')).toBe(true);
    // Modified before the cursor: not fetched again.
    expect(fetched.has('ds-wifi-cong-cong')).toBe(false);
    expect((await catalog.models.Dataset.findById('ds-don-vi-hanh-chinh').lean())!.title).toBe(
      'Đơn vị hành chính cấp quận, huyện (2026)',
    );
  });

  it('survives 5xx, malformed JSON and timeouts by retrying with backoff', async () => {
    for (const fault of [
      { mode: 'error', remaining: 2, scope: 'api' },
      { mode: 'malformed', remaining: 1, scope: 'api' },
      { mode: 'timeout', remaining: 1, scope: 'api', hangMs: 3000 },
    ]) {
      await portal.control('PUT', '/faults', fault);
      await portal.control('POST', '/datasets/diem-wifi-cong-cong/touch', {});
      catalog.changedDatasets.splice(0);
      const report = await catalog.sync.run();
      expect(report.upserted, fault.mode).toBeGreaterThan(0);
      expect(catalog.changedDatasets, fault.mode).toContain('ds-wifi-cong-cong');
    }
    await portal.control('PUT', '/faults', { mode: 'none' });
  });

  it('records a lasting outage, keeps its cursor, and resumes once the portal is back', async () => {
    const before = (await catalog.models.SyncState.findById('ckan').lean())!.cursor;
    await portal.control('POST', '/datasets/dich-vu-cong-truc-tuyen/touch', { title: 'DVC mới' });
    await portal.control('PUT', '/faults', { mode: 'error', scope: 'api' });
    await expect(catalog.sync.run()).rejects.toThrow(/HTTP 503/);
    const failed = (await catalog.models.SyncState.findById('ckan').lean())!;
    expect(failed.lastError).toMatch(/503/);
    expect(failed.cursor).toEqual(before);

    await portal.control('PUT', '/faults', { mode: 'none' });
    await catalog.sync.run();
    const ok = (await catalog.models.SyncState.findById('ckan').lean())!;
    expect(ok.lastError).toBeNull();
    expect(ok.cursor!.getTime()).toBeGreaterThan(before!.getTime());
    expect((await catalog.models.Dataset.findById('ds-dich-vu-cong').lean())!.title).toBe(
      'DVC mới',
    );
  });

  it('runs one sync at a time across workers, and takes over a lease whose holder died', async () => {
    // Two workers' first runs at once on an empty state: no duplicate key on its creation.
    await catalog.models.SyncState.deleteMany({});
    const together = await Promise.all([catalog.sync.run(), catalog.sync.run()]);
    expect(together.filter((r) => !r.skipped).length).toBeGreaterThanOrEqual(1);

    // A run that holds the sync (held up inside its first dataset) makes the others skip.
    const { release, run: slowRun } = await holdingRun();
    const others = await Promise.all([catalog.sync.run(), catalog.sync.run()]);
    expect(others.map((r) => r.skipped)).toEqual([true, true]);
    release();
    expect((await slowRun).skipped).toBe(false);
    expect((await catalog.models.SyncState.findById('ckan').lean())!.leaseToken).toBeNull();

    // The holder died (its lease lapsed): the next run takes over, and the old holder, should
    // it wake, cannot move the cursor any more.
    const { release: wake, run: staleRun } = await holdingRun();
    await catalog.models.SyncState.updateOne(
      { _id: 'ckan' },
      { $set: { leaseUntil: new Date(Date.now() - 1000) } },
    );
    const takeover = await catalog.sync.run();
    expect(takeover.skipped).toBe(false);
    expect(takeover.upserted).toBeGreaterThan(0);
    const cursor = (await catalog.models.SyncState.findById('ckan').lean())!.cursor;
    wake();
    await expect(staleRun).rejects.toThrow(/lease lost/);
    expect((await catalog.models.SyncState.findById('ckan').lean())!.cursor).toEqual(cursor);
  });

  it('marks datasets the portal no longer has as removed, and drops their passages', async () => {
    await portal.control('DELETE', '/datasets/don-vi-hanh-chinh');
    const report = await catalog.sync.run();
    expect(report.removed).toBe(1);
    expect(
      (await catalog.models.Dataset.findById('ds-don-vi-hanh-chinh').lean())!.removedAt,
    ).not.toBeNull();
    expect(await catalog.models.Passage.countDocuments({ sourceId: 'ds-don-vi-hanh-chinh' })).toBe(
      0,
    );
    expect(
      await catalog.models.Passage.countDocuments({ sourceId: 'ds-wifi-cong-cong' }),
    ).toBeGreaterThan(0);
  });
});

describe('resource previews', () => {
  it('previews CSV and JSON with columns, types and first rows; says why others cannot be', async () => {
    await portal.control('POST', '/reset');
    await catalog.models.SyncState.deleteMany({});
    await catalog.sync.run();
    // Every resource's current version (earlier tests set some aside), as the preview jobs.
    catalog.changedResources.splice(0);
    for (const r of await catalog.models.Resource.find({ removedAt: null }).lean())
      catalog.changedResources.push({ id: r._id, fingerprint: r.fingerprint });
    await catalog.previewAll();
    const byId = async (id: string) => (await catalog.models.Resource.findById(id).lean())!;

    const wifi = await byId('res-wifi-csv');
    const csvRows = await ckanCsv(wifi.url);
    expect(wifi.preview).toMatchObject({
      status: 'READY',
      truncated: true,
      tableRows: csvRows.length,
    });
    expect(wifi.preview.columns.map((c) => c.name)).toEqual([
      'ma_diem',
      'ten_diem',
      'dia_chi',
      'quan_huyen',
      'loai_dia_diem',
      'trang_thai',
    ]);
    expect(wifi.preview.rows).toHaveLength(PREVIEW_LIMITS.previewRows);
    expect(JSON.parse(wifi.preview.rows[0]!)[0]).toBe(csvRows[0]!.split(',')[0]);

    const units = await byId('res-dvhc-json');
    expect(units.preview.status).toBe('READY');
    expect(units.preview.columns).toContainEqual({ name: 'dien_tich_km2', type: 'NUMBER' });
    expect(units.preview.columns).toContainEqual({ name: 'so_phuong_xa', type: 'INTEGER' });

    expect((await byId('res-dvc-xlsx')).preview).toMatchObject({ status: 'UNSUPPORTED' });

    // 200 000 rows: read as a stream up to the row limit, then the download is dropped.
    const log = await byId('res-dvc-log');
    expect(log.preview).toMatchObject({
      status: 'READY',
      truncated: true,
      tableRows: PREVIEW_LIMITS.tableRows,
    });
    expect(log.preview.columns).toContainEqual({ name: 'luot_truy_cap', type: 'INTEGER' });
  });

  it('marks a malformed file UNREADABLE, and retries a file the portal fails to serve', async () => {
    const resource = (await catalog.models.Resource.findById('res-wifi-csv').lean())!;
    const deps = {
      models: catalog.models,
      limits: PREVIEW_LIMITS,
      onDatasetChanged: async () => {},
      logger,
      now: () => new Date(),
    };
    // A new file version (as a sync would record it), served broken.
    const fingerprint = 'abcdef0123456789';
    await catalog.models.Resource.updateOne({ _id: resource._id }, { $set: { fingerprint } });
    await portal.control('PUT', '/faults', { mode: 'error', scope: 'download' });
    await expect(
      refreshPreview(deps, { resourceId: resource._id, fingerprint, lastAttempt: false }),
    ).rejects.toBeInstanceOf(PreviewRetryError);

    await portal.control('PUT', '/faults', { mode: 'malformed', scope: 'download' });
    expect(
      await refreshPreview(deps, { resourceId: resource._id, fingerprint, lastAttempt: false }),
    ).toBe('done');
    const broken = (await catalog.models.Resource.findById(resource._id).lean())!;
    expect(broken.preview.status).toBe('UNREADABLE');
    expect(broken.preview.message).toMatch(/CSV/);
    // A job for an older version does nothing.
    expect(
      await refreshPreview(deps, {
        resourceId: resource._id,
        fingerprint: resource.fingerprint,
        lastAttempt: true,
      }),
    ).toBe('stale');
    await portal.control('PUT', '/faults', { mode: 'none' });
  });
});
