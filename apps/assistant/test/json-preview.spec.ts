// Large JSON resources are previewed from a bounded stream: the open-data portal simulator
// generates a file of hundreds of thousands of records and reports how much of it was sent.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@portal/testing';
import type { PreviewLimits } from '../src/catalog/preview';
import { refreshPreview } from '../src/catalog/preview-refresh';
import {
  PREVIEW_LIMITS,
  dataOf,
  logger,
  useAssistant,
  useCatalog,
  useOpenDataPortal,
} from './support/harness';

const db = useTestDatabase('asst_json_preview');
const portal = useOpenDataPortal();
const catalog = useCatalog('asst_json_preview', portal, db);
const assistant = useAssistant('asst_json_preview', {}, db);

const ROWS = 300_000;
// One generated record is about 70 bytes: the whole file is some 20 MB.
const FILE_BYTES = ROWS * 60;

const download = async (id: string) =>
  ((await (await portal.control('GET', '/state')).json()) as any).downloads[id] as {
    bytesSent: number;
    complete: boolean;
  };

const preview = async (id: string, limits: PreviewLimits = PREVIEW_LIMITS) => {
  const resource = (await catalog.models.Resource.findById(id).lean())!;
  expect(
    await refreshPreview(
      {
        models: catalog.models,
        limits,
        onDatasetChanged: async () => {},
        logger,
        now: () => new Date(),
      },
      { resourceId: id, fingerprint: resource.fingerprint, lastAttempt: true },
    ),
  ).toBe('done');
  return (await catalog.models.Resource.findById(id).lean())!.preview;
};

beforeAll(async () => {
  await portal.control('POST', '/reset');
  for (const [id, shape] of [
    ['log-json', 'array'],
    ['log-datastore', 'records'],
  ])
    expect(
      (
        await portal.control('POST', '/datasets/dich-vu-cong-truc-tuyen/resources', {
          id,
          name: `Nhật ký truy cập (${shape})`,
          format: 'JSON',
          shape,
          rows: ROWS,
        })
      ).status,
    ).toBe(201);
  await catalog.sync.run();
});

describe('JSON previews', () => {
  it('reads the first rows of a large array of objects and drops the download', async () => {
    const p = await preview('log-json');
    expect(p).toMatchObject({
      status: 'READY',
      message: null,
      truncated: true,
      tableRows: PREVIEW_LIMITS.tableRows,
      columns: [
        { name: 'thoi_diem', type: 'DATE' },
        { name: 'kenh', type: 'STRING' },
        { name: 'luot_truy_cap', type: 'INTEGER' },
      ],
    });
    expect(p.rows.map((r) => JSON.parse(r))).toEqual([
      ['2026-01-01T00:00:00Z', 'mobile', '0'],
      ['2026-01-01T01:00:00Z', 'web', '37'],
      ['2026-01-01T02:00:00Z', 'mobile', '74'],
      ['2026-01-01T03:00:00Z', 'web', '111'],
      ['2026-01-01T04:00:00Z', 'mobile', '148'],
    ]);
    // The rows kept for tabular answers are the file's first ones, in order.
    const kept = await catalog.models.TableRow.countDocuments({ resourceId: 'log-json' });
    expect(kept).toBe(PREVIEW_LIMITS.tableRows);
    const sent = await download('log-json');
    expect(sent.complete).toBe(false);
    expect(sent.bytesSent).toBeLessThan(FILE_BYTES / 4);
  });

  it('reads CKAN DataStore records ({result: {records: […]}}) within the byte limit', async () => {
    const limits = { ...PREVIEW_LIMITS, maxBytes: 64 * 1024, tableRows: 100_000 };
    const p = await preview('log-datastore', limits);
    expect(p.status).toBe('READY');
    expect(p.truncated).toBe(true);
    // Cut by bytes, not rows: the records whole within 64 KiB, none of the `fields` list.
    expect(p.tableRows).toBeGreaterThan(500);
    expect(p.tableRows).toBeLessThan(limits.maxBytes / 50);
    expect(p.columns.map((c) => c.name)).toEqual(['thoi_diem', 'kenh', 'luot_truy_cap']);
    expect(JSON.parse(p.rows[0]!)).toEqual(['2026-01-01T00:00:00Z', 'mobile', '0']);
    expect((await download('log-datastore')).complete).toBe(false);
  });

  it('shows the truncated preview through the graph', async () => {
    const page = dataOf(
      await assistant.call(
        null,
        `{ dataset(name: "dich-vu-cong-truc-tuyen") {
           resources { id format preview { status truncated columns { name type } rows } } } }`,
      ),
      'dataset',
    );
    const json = page.resources.find((r: { id: string }) => r.id === 'log-json');
    expect(json).toMatchObject({
      format: 'JSON',
      preview: { status: 'READY', truncated: true },
    });
    expect(json.preview.rows).toHaveLength(PREVIEW_LIMITS.previewRows);
    expect(json.preview.rows[1]).toEqual(['2026-01-01T01:00:00Z', 'web', '37']);
  });

  it('marks a cut-off JSON file UNREADABLE, and a JSON without records', async () => {
    await portal.control('PUT', '/faults', { mode: 'malformed', scope: 'download' });
    const cut = await preview('res-dvhc-json');
    await portal.control('PUT', '/faults', { mode: 'none' });
    expect(cut).toMatchObject({ status: 'UNREADABLE', truncated: false, rows: [] });
    expect(cut.message).toMatch(/^Not valid JSON/);

    // An answer with no list of records in it.
    await portal.control('POST', '/datasets/don-vi-hanh-chinh/resources', {
      id: 'empty-json',
      name: 'Không có bản ghi',
      format: 'JSON',
      shape: 'array',
      rows: 0,
    });
    await catalog.sync.run();
    expect(await preview('empty-json')).toMatchObject({
      status: 'UNREADABLE',
      message: 'The JSON is not a list of records',
    });
  });
});
