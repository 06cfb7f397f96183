import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { WIFI_POINTS_BY_DISTRICT } from '../src/datasets/wifi-points';
import { startOpendataSim, type RunningOpendataSim } from '../src/server';

const KEY = 'opendata-sim-test-key-0123';
let sim: RunningOpendataSim;

const action = async (name: string, params: Record<string, string> = {}) => {
  const res = await fetch(`${sim.url}/api/3/action/${name}?${new URLSearchParams(params)}`);
  return { status: res.status, body: (await res.json()) as any };
};
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/_control${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  sim = await startOpendataSim(
    { port: 0, host: '127.0.0.1', controlKey: KEY, hangMs: 300 },
    createLogger({ service: 'opendata-sim-test', level: 'silent', pretty: false }),
  );
});
afterAll(() => sim?.close());
beforeEach(async () => void (await control('POST', '/reset')));

describe('CKAN Action API', () => {
  it('pages package_search by metadata_modified, oldest first', async () => {
    const all = await action('package_search', { sort: 'metadata_modified asc', rows: '2' });
    expect(all.body.success).toBe(true);
    expect(all.body.result.count).toBe(3);
    expect(all.body.result.results).toHaveLength(2);
    const modified = all.body.result.results.map((d: any) => d.metadata_modified);
    expect([...modified].sort()).toEqual(modified);
    const next = await action('package_search', {
      sort: 'metadata_modified asc',
      rows: '2',
      start: '2',
    });
    expect(next.body.result.results).toHaveLength(1);

    const since = await action('package_search', {
      fq: 'metadata_modified:[2026-03-01T00:00:00Z TO *]',
    });
    expect(since.body.result.results.map((d: any) => d.name).sort()).toEqual([
      'dich-vu-cong-truc-tuyen',
      'diem-wifi-cong-cong',
    ]);
    expect((await action('package_search', { fq: 'title:x' })).status).toBe(409);
  });

  it('shows a package with its licence, organization, frequency and downloadable resources', async () => {
    const { body } = await action('package_show', { id: 'diem-wifi-cong-cong' });
    expect(body.result.license_title).toMatch(/Creative Commons/);
    expect(body.result.organization.title).toBe('Sở Thông tin và Truyền thông');
    expect(body.result.extras).toContainEqual({ key: 'update_frequency', value: 'Hàng quý' });
    const csv = await (await fetch(body.result.resources[0].url)).text();
    const district1 = csv.split('\n').filter((l) => l.includes(',Quận 1,')).length;
    expect(district1).toBe(WIFI_POINTS_BY_DISTRICT.get('Quận 1'));
    expect((await action('package_show', { id: 'nope' })).status).toBe(404);
    expect((await action('organization_list')).body.result).toHaveLength(3);
    expect((await action('group_list')).body.result).toContain('ha-tang-so');
    expect((await action('tag_list')).body.result).toContain('wifi');
  });

  it('moves a touched dataset into the next incremental window', async () => {
    const before = new Date().toISOString();
    await control('POST', '/datasets/don-vi-hanh-chinh/touch', {
      title: 'Đơn vị hành chính (cập nhật)',
    });
    const { body } = await action('package_search', { fq: `metadata_modified:[${before} TO *]` });
    expect(body.result.results.map((d: any) => d.title)).toEqual(['Đơn vị hành chính (cập nhật)']);
  });
});

describe('generated files', () => {
  it('adds a large JSON resource, served whole as valid JSON, and reports what was sent', async () => {
    for (const [id, shape] of [
      ['log-array', 'array'],
      ['log-records', 'records'],
    ] as const) {
      const added = await control('POST', '/datasets/don-vi-hanh-chinh/resources', {
        id,
        name: 'Nhật ký',
        format: 'JSON',
        shape,
        rows: 3000,
      });
      expect(added.status).toBe(201);
      const { url } = (await added.json()) as { url: string };
      const res = await fetch(url);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const text = await res.text();
      const body = JSON.parse(text);
      const records = shape === 'array' ? body : body.result.records;
      expect(records).toHaveLength(3000);
      expect(records[1]).toEqual({
        thoi_diem: '2026-01-01T01:00:00Z',
        kenh: 'web',
        luot_truy_cap: 37,
      });
      const state = (await (await control('GET', '/state')).json()) as any;
      expect(state.downloads[id]).toEqual({ bytesSent: Buffer.byteLength(text), complete: true });
    }
    const { body } = await action('package_show', { id: 'don-vi-hanh-chinh' });
    expect(body.result.resources.map((r: any) => r.id)).toContain('log-records');
    expect(
      (await control('POST', '/datasets/don-vi-hanh-chinh/resources', { id: 'X', rows: 1 })).status,
    ).toBe(400);
  });

  it('cuts a JSON download short under the malformed fault', async () => {
    await control('PUT', '/faults', { mode: 'malformed', scope: 'download' });
    const { body } = await action('package_show', { id: 'don-vi-hanh-chinh' });
    const res = await fetch(body.result.resources[0].url);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });
});

describe('fault switches', () => {
  it('answers 503, malformed JSON, or late, for the next N calls only', async () => {
    expect((await control('PUT', '/faults', { mode: 'error', remaining: 1 })).status).toBe(200);
    expect((await fetch(`${sim.url}/api/3/action/package_list`)).status).toBe(503);
    expect((await action('package_list')).status).toBe(200);

    await control('PUT', '/faults', { mode: 'malformed', remaining: 1, scope: 'api' });
    const broken = await fetch(`${sim.url}/api/3/action/package_list`);
    expect(broken.status).toBe(200);
    await expect(broken.json()).rejects.toThrow();

    await control('PUT', '/faults', { mode: 'timeout', remaining: 1, hangMs: 5000 });
    await expect(
      fetch(`${sim.url}/api/3/action/package_list`, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect((await action('package_list')).status).toBe(200);
  });

  it('refuses control calls without the key', async () => {
    const res = await fetch(`${sim.url}/_control/reset`, { method: 'POST' });
    expect(res.status).toBe(401);
  });
});
