import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import { freePort, startS3, type StartedS3 } from '@portal/local-services';
import type { S3StorageConfig } from '../src/storage/s3-file-storage';

/** The embedded server accepts any credentials; these only have to look like some. */
export const TEST_S3_CREDENTIALS = {
  accessKeyId: 'thu-vien-test',
  secretAccessKey: 'thu-vien-test-secret-0123456789',
};

export interface TestS3 {
  endpoint: string;
  /** This file's bucket, created at start. */
  bucket: string;
  /** A client for checking what is really in the bucket, behind the storage's back. */
  client: S3Client;
  /** Settings for an S3FileStorage on this file's bucket, staging under `stagingDir`. */
  config(overrides?: Partial<S3StorageConfig>): S3StorageConfig;
  /** Every key in the bucket. */
  keys(): Promise<string[]>;
  /** Multipart uploads started and neither completed nor aborted. */
  pendingUploads(): Promise<string[]>;
  server: StartedS3;
}

/**
 * Starts the embedded S3 server (infra/s3) for one test file, with its own bucket and
 * data folder: real HTTP and the real S3 API, no mocks.
 */
export function useTestS3(
  label: string,
  options: { backend?: 'fs' | 'memory'; buckets?: string[] } = {},
): TestS3 {
  const dir = mkdtempSync(join(tmpdir(), `library-s3-${label}-`));
  const bucket = `${label}-${randomBytes(3).toString('hex')}`;
  const s3 = {
    bucket,
    config: (overrides = {}) => ({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket,
      prefix: '',
      forcePathStyle: true,
      stagingDir: join(dir, 'staging'),
      ...TEST_S3_CREDENTIALS,
      ...overrides,
    }),
    keys: async () => {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    pendingUploads: async () => {
      try {
        const page = await s3.client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
        return (page.Uploads ?? []).map((u) => u.Key!);
      } catch (err) {
        // gofakes3 answers NoSuchUpload when a bucket has none.
        if (err instanceof S3ServiceException && err.name === 'NoSuchUpload') return [];
        throw err;
      }
    },
  } as TestS3;
  beforeAll(async () => {
    s3.server = await startS3({
      port: await freePort(),
      dir: join(dir, 'server'),
      buckets: [bucket, ...(options.buckets ?? [])],
      backend: options.backend,
    });
    s3.endpoint = s3.server.endpoint;
    s3.client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: TEST_S3_CREDENTIALS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }, 300_000);
  afterAll(async () => {
    s3.client?.destroy();
    await s3.server?.process.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return s3;
}
