import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER } from '@portal/auth';
import type { RunningSubgraph } from '@portal/service-runtime';
import { freePort, startRedis, type StartedRedis } from '@portal/local-services';
import { createRedisConnection } from '@portal/queue';
import { gql, TEST_LISTEN } from '@portal/testing';
import { startServer } from '../src/server';
import { LocalFileStorage } from '../src/storage/local-file-storage';
import { samplePng } from '../src/seed/sample-files';
import { PUBLIC_BASE_URL, gqlAs, silentLogger, tokenFor, upload, useTestLibrary } from './helpers';

// Attacks from the security review (issue 14) against the real library subgraph.
const lib = useTestLibrary('library-security');

describe('authorization before validation (item 9)', () => {
  const cases: [string, string, Record<string, unknown>, 'contributor' | 'editor'][] = [
    [
      'createLibraryItem',
      'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { id } }',
      { input: { title: '', format: 'DOCUMENT', fileIds: ['x'] } },
      'contributor',
    ],
    [
      'updateLibraryItem',
      'mutation($input: UpdateLibraryItemInput!) { updateLibraryItem(id: "x", input: $input, expectedVersion: 0) { id } }',
      { input: { title: '' } },
      'contributor',
    ],
    [
      'createCollection',
      'mutation($input: CreateCollectionInput!) { createCollection(input: $input) { id } }',
      { input: { title: '' } },
      'editor',
    ],
    [
      'updateCollection',
      'mutation($input: UpdateCollectionInput!) { updateCollection(id: "x", input: $input, expectedVersion: 0) { id } }',
      { input: { title: '' } },
      'editor',
    ],
    [
      'setCollectionItems',
      'mutation { setCollectionItems(id: "x", itemIds: ["not-an-id"]) { id } }',
      {},
      'editor',
    ],
    [
      'createPlatformApp',
      'mutation($input: CreatePlatformAppInput!) { createPlatformApp(input: $input) { id } }',
      {
        input: {
          name: '',
          description: '',
          url: 'javascript:alert(1)',
          category: 'PUBLIC_SERVICES',
        },
      },
      'editor',
    ],
    [
      'updatePlatformApp',
      'mutation($input: UpdatePlatformAppInput!) { updatePlatformApp(id: "x", input: $input, expectedVersion: 0) { id } }',
      { input: { name: '' } },
      'editor',
    ],
    [
      'createShowcaseEntry',
      'mutation($input: CreateShowcaseEntryInput!) { createShowcaseEntry(input: $input) { id } }',
      {
        input: {
          title: '',
          description: '',
          award: 'FIRST',
          year: 1,
          team: [],
          category: 'HEALTH',
          tryItUrl: 'javascript:alert(1)',
        },
      },
      'editor',
    ],
    [
      'updateShowcaseEntry',
      'mutation($input: UpdateShowcaseEntryInput!) { updateShowcaseEntry(id: "x", input: $input, expectedVersion: 0) { id } }',
      { input: { tryItUrl: 'javascript:alert(1)' } },
      'editor',
    ],
  ];

  it.each(cases)(
    '%s: UNAUTHENTICATED anonymous, FORBIDDEN without the role',
    async (_, query, variables, role) => {
      const anonymous = await gqlAs(lib, 'anonymous', query, variables);
      expect(
        anonymous.errors?.map((e) => e.extensions?.code),
        JSON.stringify(anonymous.errors),
      ).toEqual(['UNAUTHENTICATED']);
      const citizen = await gqlAs(lib, 'citizen', query, variables);
      expect(citizen.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      if (role === 'editor') {
        const contributor = await gqlAs(lib, 'contributor', query, variables);
        expect(contributor.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      // With the role, the same input is refused as input.
      const allowed = await gqlAs(lib, role, query, variables);
      expect(allowed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    },
  );
});

describe('titles and descriptions are plain text (items 12 and 13)', () => {
  it('item, collection and app text keeps no markup or control characters', async () => {
    const item = await gqlAs(
      lib,
      'editor',
      'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { title description topics publisher } }',
      {
        input: {
          title: '<script>alert(1)</script>Sổ tay <img src=x onerror=alert(2)>số\u202E',
          description:
            'Dòng 1 <b onmouseover="x()">đậm</b>\n<iframe src="//x"></iframe>Dòng 2\u0000',
          format: 'DOCUMENT',
          topics: ['<i>dữ liệu</i>'],
          publisher: '<a href="javascript:x">NXB</a>',
        },
      },
    );
    expect(item.errors, JSON.stringify(item.errors)).toBeUndefined();
    expect(item.data!.createLibraryItem).toEqual({
      title: 'Sổ tay số',
      description: 'Dòng 1 đậm\nDòng 2',
      topics: ['dữ liệu'],
      publisher: 'NXB',
    });
    const collection = await gqlAs(
      lib,
      'editor',
      'mutation($input: CreateCollectionInput!) { createCollection(input: $input) { title description } }',
      {
        input: { title: 'Bộ <svg onload=alert(1)>sưu tập', description: '<script>x</script>Mô tả' },
      },
    );
    expect(collection.data!.createCollection).toEqual({
      title: 'Bộ sưu tập',
      description: 'Mô tả',
    });
    const app = await gqlAs(
      lib,
      'editor',
      'mutation($input: CreatePlatformAppInput!) { createPlatformApp(input: $input) { name description ownerAgency } }',
      {
        input: {
          name: '<b>Y tế</b> số',
          description: '<img src=x onerror=alert(1)>Đặt lịch khám',
          url: 'https://yte.example.vn',
          ownerAgency: 'Sở <i>Y tế</i>',
          category: 'HEALTH',
        },
      },
    );
    expect(app.errors, JSON.stringify(app.errors)).toBeUndefined();
    expect(app.data!.createPlatformApp).toEqual({
      name: 'Y tế số',
      description: 'Đặt lịch khám',
      ownerAgency: 'Sở Y tế',
    });
  });
});

describe('stored files (item 14)', () => {
  it('serves a PDF with /OpenAction JavaScript inside a CSP sandbox, with nosniff', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(document.cookie)) >> >> endobj\n' +
        '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const res = await upload(
      lib,
      { bytes: pdf, name: 'hoa-don.pdf' },
      await tokenFor('contributor'),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const got = await fetch(`${lib.url}/files/${res.body.file.id}`, {
      headers: { [INTERNAL_TOKEN_HEADER]: (await tokenFor('contributor'))! },
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-security-policy')).toMatch(/^sandbox(;|$)/);
    expect(got.headers.get('content-security-policy')).not.toMatch(
      /allow-scripts|allow-same-origin/,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('does not tell one uploader that another holds the same content', async () => {
    const bytes = samplePng({ width: 21, height: 21, hue: 17 });
    const victim = await upload(
      lib,
      { bytes, name: 'ho-so.png' },
      await tokenFor('contributor', { id: 'victim' }),
    );
    const prober = await upload(
      lib,
      { bytes, name: 'doan.png' },
      await tokenFor('contributor', { id: 'prober' }),
    );
    expect([victim.status, prober.status]).toEqual([201, 201]);
    expect(prober.body.deduplicated).toBe(false);
    expect(JSON.stringify(prober.body)).not.toContain('victim');
  });
});

describe('POST /uploads while Redis is down (item 11)', () => {
  let redis: StartedRedis;
  let dir: string;
  let server: RunningSubgraph;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'library-redis-'));
    redis = await startRedis({
      port: await freePort(),
      dir: join(dir, 'redis'),
      persistent: false,
    });
    const client = createRedisConnection(redis.url, 'client');
    client.on('error', () => {});
    // A fail-fast connection refuses commands until it is ready: the first upload needs it.
    if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
    server = await startServer(
      {
        ...TEST_LISTEN,
        publicBaseUrl: PUBLIC_BASE_URL,
        maxUploadBytes: 1024 * 1024,
        uploadsPerHour: 100,
        uploadTimeoutMs: 60_000,
        keyPrefix: 'library-redis-down',
      },
      {
        conn: lib.conn,
        redis: client,
        storage: new LocalFileStorage(join(dir, 'files')),
        logger: silentLogger,
      },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.process.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, not a masked 500', async () => {
    const token = await tokenFor('contributor', { id: 'redis-down' });
    const bytes = samplePng({ width: 9, height: 9, hue: 90 });
    const up = await fetch(`${server.url}/uploads`, {
      method: 'POST',
      body: form(bytes),
      headers: { [INTERNAL_TOKEN_HEADER]: token! },
    });
    expect(up.status).toBe(201);
    await redis.process.stop();
    const res = await fetch(`${server.url}/uploads`, {
      method: 'POST',
      body: form(samplePng({ width: 9, height: 9, hue: 91 })),
      headers: { [INTERNAL_TOKEN_HEADER]: token! },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    // GraphQL over the same server still answers what does not need Redis.
    const page = await gql(server.graphqlUrl, '{ libraryItems(first: 1) { nodes { id } } }', {
      internalToken: await tokenFor('anonymous'),
    });
    expect(page.errors).toBeUndefined();
  });
});

function form(bytes: Buffer): FormData {
  const f = new FormData();
  f.append('file', new Blob([bytes], { type: 'image/png' }), 'anh.png');
  return f;
}
