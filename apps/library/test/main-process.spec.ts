import { describe, expect, it } from 'vitest';
import { freePort } from '@portal/local-services';
import {
  gql,
  internalTokenFor,
  spawnApp,
  testServices,
  testViewer,
  TEST_INTERNAL_SECRET,
} from '@portal/testing';
import { samplePdf, samplePng } from '../src/seed/sample-files';
import { INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { useTestLibrary } from './helpers';

const lib = useTestLibrary('library-main');

describe('the library process', () => {
  it('starts from its environment, serves GraphQL, uploads and files, and stops on SIGTERM', async () => {
    const { mongoUri, redisUrl } = testServices();
    const port = await freePort();
    const app = await spawnApp(
      'library',
      'main',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        MONGODB_URI: mongoUri,
        MONGODB_DB: lib.dbName,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: lib.keyPrefix,
        INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
        PUBLIC_BASE_URL: 'https://cds.example.vn/',
        LIBRARY_FILES_DIR: lib.filesDir,
        LIBRARY_MAX_UPLOAD_BYTES: '2048',
      },
      `http://127.0.0.1:${port}/healthz`,
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const res = await gql(`${base}/graphql`, '{ libraryItems { totalCount } }');
      expect(res.data).toEqual({ libraryItems: { totalCount: 0 } });

      const form = new FormData();
      form.append('file', new Blob([samplePng({ width: 4, height: 4 })]), 'nho.png');
      const token = await internalTokenFor(testViewer('editor'));
      const small = await fetch(`${base}/uploads`, {
        method: 'POST',
        body: form,
        headers: { [INTERNAL_TOKEN_HEADER]: token },
      });
      expect(small.status).toBe(201);
      const { file } = (await small.json()) as { file: { id: string; url: string } };
      expect(file.url).toBe(`https://cds.example.vn/files/${file.id}`);
      const big = new FormData();
      big.append(
        'file',
        new Blob([samplePdf({ title: 'Lớn', pages: [['x']], minBytes: 5000 })]),
        'lon.pdf',
      );
      // LIBRARY_MAX_UPLOAD_BYTES from the environment applies.
      const refused = await fetch(`${base}/uploads`, {
        method: 'POST',
        body: big,
        headers: { [INTERNAL_TOKEN_HEADER]: token },
      });
      expect(refused.status).toBe(413);
    } finally {
      await app.stop();
    }
    expect(await app.process.exited).toBe(0);
  });
});
