import { describe, expect, it } from 'vitest';
import {
  gql,
  internalTokenFor,
  runEntry,
  spawnServingApp,
  testViewer,
  timeoutForProcesses,
  TEST_INTERNAL_SECRET,
  fetchAsGateway,
  waitForReady,
} from '@portal/testing';
import { samplePdf, samplePng } from '../src/seed/sample-files';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { libraryProcessEnv, upload, useTestLibrary } from './helpers';
import { TEST_S3_CREDENTIALS, useTestS3 } from './test-s3';

const s3 = useTestS3('main');
const lib = useTestLibrary('library-main');

// Each test starts the library once (and the S3 one an S3 server beside it).
const oneStart = { timeout: timeoutForProcesses(1, 60_000) };

describe('the library process', oneStart, () => {
  it('starts from its environment, serves GraphQL, uploads and files, and stops on SIGTERM', async () => {
    const app = await spawnServingApp('library', 'main', {
      ...libraryProcessEnv(lib),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: 'https://cds.example.vn/',
      LIBRARY_MAX_UPLOAD_BYTES: '2048',
    });
    try {
      const base = app.url;
      expect((await waitForReady(`${base}/readyz`)).status).toBe('ready');
      // Only the gateway's callers get an answer: a direct one is refused.
      expect((await gql(`${base}/graphql`, '{ libraryItems { totalCount } }')).status).toBe(401);
      const res = await gql(`${base}/graphql`, '{ libraryItems { totalCount } }', {
        internalToken: await internalTokenFor(ANONYMOUS),
      });
      expect(res.data).toEqual({ libraryItems: { totalCount: 0 } });

      const token = await internalTokenFor(testViewer('editor'));
      const small = await upload(
        app,
        { bytes: samplePng({ width: 4, height: 4 }), name: 'nho.png' },
        token,
      );
      expect(small.status).toBe(201);
      const { file } = small.body as { file: { id: string; url: string } };
      expect(file.url).toBe(`https://cds.example.vn/files/${file.id}`);
      // LIBRARY_MAX_UPLOAD_BYTES from the environment applies.
      const big = samplePdf({ title: 'Lớn', pages: [['x']], minBytes: 5000 });
      expect((await upload(app, { bytes: big, name: 'lon.pdf' }, token)).status).toBe(413);
    } finally {
      await app.stop();
    }
    expect(await app.process.exited, app.process.describe()).toBe(0);
  });

  it('keeps files in an S3 bucket with LIBRARY_STORAGE=s3, and reports the bucket in /readyz', async () => {
    const app = await spawnServingApp('library', 'main', {
      ...libraryProcessEnv(lib),
      HOST: '127.0.0.1',
      LIBRARY_STORAGE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_PREFIX: 'thu-vien',
      S3_ACCESS_KEY_ID: TEST_S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: TEST_S3_CREDENTIALS.secretAccessKey,
    });
    try {
      const base = app.url;
      expect((await waitForReady(`${base}/readyz`)).checks).toMatchObject({ storage: 'ok' });

      const token = await internalTokenFor(testViewer('editor'));
      const bytes = samplePdf({ title: 'Lưu trên S3', pages: [['Trang 1'], ['Trang 2']] });
      const uploaded = await upload(app, { bytes, name: 'luu-tren-s3.pdf' }, token);
      expect(uploaded.status).toBe(201);
      const { file } = uploaded.body as { file: { id: string; sha256: string } };
      expect(await s3.keys()).toEqual([
        `thu-vien/${file.sha256.slice(0, 2)}/${file.sha256.slice(2, 4)}/${file.sha256}`,
      ]);
      const ranged = await fetchAsGateway(`${base}/files/${file.id}`, {
        headers: { [INTERNAL_TOKEN_HEADER]: token, range: 'bytes=0-99' },
      });
      expect(ranged.status).toBe(206);
      expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

      // The store goes away: the library stays up but is no longer ready.
      await s3.server.process.stop();
      const notReady = await fetch(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(((await notReady.json()) as { checks: { storage: string } }).checks.storage).toContain(
        `bucket ${s3.bucket} is not reachable`,
      );
    } finally {
      await app.stop();
    }
    expect(await app.process.exited, app.process.describe()).toBe(0);
  });

  it('refuses to start with an incomplete S3 configuration, saying so in one line', async () => {
    const run = await runEntry('library', 'main', {
      INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
      LIBRARY_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_BUCKET: 'thu-vien-so',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'library: invalid configuration: S3_ACCESS_KEY_ID is required when LIBRARY_STORAGE=s3; S3_SECRET_ACCESS_KEY is required when LIBRARY_STORAGE=s3',
    );
  });
});
