import { join, resolve } from 'node:path';
import { flag, loadEnv, serviceEnv, positiveInt, z } from '@portal/config';
import { subgraphListen, workersQueue } from '@portal/service-runtime';
import type { LibraryWorkersConfig } from './jobs/start-workers';
import type { LibraryServerConfig } from './server';
import type { StorageConfig } from './storage/create-storage';

/** GraphQL's Int is 32-bit, and `MediaFile.sizeBytes` is an Int. */
const MAX_INT = 2_147_483_647;

/** S3's bucket naming rules (the strictest common subset of the S3-compatible stores). */
const BUCKET_NAME = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The library's variables (exported for tests of the rules). */
export function libraryEnvShape() {
  return {
    ...serviceEnv('library', { workerConcurrency: 2 }),
    /** Local state of a development run; files go under it unless LIBRARY_FILES_DIR says otherwise. */
    DATA_DIR: z.string().default('.data'),
    /**
     * Where stored files live: `local` (a directory, or a shared volume mounted there) or
     * `s3` (an S3-compatible bucket; uploads are still staged under LIBRARY_FILES_DIR).
     */
    LIBRARY_STORAGE: z.enum(['local', 's3']).default('local'),
    LIBRARY_FILES_DIR: z.string().optional(),
    /** The store's URL (MinIO, Ceph RGW, a cloud provider's); unset means AWS S3 in S3_REGION. */
    S3_ENDPOINT: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be a region name such as us-east-1')
      .default('us-east-1'),
    S3_BUCKET: z
      .string()
      .regex(
        BUCKET_NAME,
        'must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens',
      )
      .optional(),
    /** Put before every key, e.g. `library/`; lets one bucket hold several deployments. */
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()/-]*$/, "letters, digits, / and !_.*'()- only")
      .transform((p) => p.replace(/^\/+|\/+$/g, ''))
      .transform((p) => (p ? `${p.replace(/\/{2,}/g, '/')}/` : ''))
      .default(''),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Default: on when S3_ENDPOINT is set (few S3-compatible stores serve bucket subdomains), off for AWS. */
    S3_FORCE_PATH_STYLE: flag().optional(),
    LIBRARY_MAX_UPLOAD_BYTES: positiveInt()
      .max(MAX_INT, 'must be at most 2147483647 (2 GiB)')
      .default(500 * 1024 * 1024),
    LIBRARY_UPLOADS_PER_HOUR: positiveInt().default(120),
    /** How long one upload may take, start to end. */
    LIBRARY_UPLOAD_TIMEOUT_SECONDS: positiveInt().default(3600),
    /** How often the worker adds pending view and download counts to the database. */
    LIBRARY_COUNTER_FLUSH_SECONDS: positiveInt().default(30),
  };
}

export type LibraryEnv = z.output<z.ZodObject<ReturnType<typeof libraryEnvShape>>>;

/** Rules across variables: an S3 store needs its bucket and credentials, and S3 settings need the S3 driver. */
export function checkLibraryEnv(e: LibraryEnv): string[] {
  if (e.LIBRARY_STORAGE === 'local') {
    return e.S3_BUCKET
      ? ['S3_BUCKET is set but LIBRARY_STORAGE is local: set LIBRARY_STORAGE=s3 to use the bucket']
      : [];
  }
  const required = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  return required
    .filter((name) => !e[name])
    .map((name) => `${name} is required when LIBRARY_STORAGE=s3`);
}

/** The library processes' configuration (exits with one line naming every bad variable). */
export function loadLibraryEnv(): LibraryEnv {
  return loadEnv('library', libraryEnvShape, checkLibraryEnv);
}

export function filesDir(e: LibraryEnv): string {
  return resolve(e.LIBRARY_FILES_DIR ?? resolve(e.DATA_DIR, 'library-files'));
}

/** The storage driver and its settings, from a checked environment. */
export function storageConfig(e: LibraryEnv): StorageConfig {
  if (e.LIBRARY_STORAGE === 'local') return { driver: 'local', filesDir: filesDir(e) };
  return {
    driver: 's3',
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET!,
    prefix: e.S3_PREFIX,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    stagingDir: join(filesDir(e), '.staging'),
  };
}

/** The subgraph's settings from a checked environment. */
export function serverConfig(e: LibraryEnv): LibraryServerConfig {
  return {
    ...subgraphListen(e),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    maxUploadBytes: e.LIBRARY_MAX_UPLOAD_BYTES,
    uploadsPerHour: e.LIBRARY_UPLOADS_PER_HOUR,
    uploadTimeoutMs: e.LIBRARY_UPLOAD_TIMEOUT_SECONDS * 1000,
    keyPrefix: e.QUEUE_PREFIX,
  };
}

/** The worker's settings from a checked environment. */
export function workersConfig(e: LibraryEnv): LibraryWorkersConfig {
  return {
    ...workersQueue(e),
    storage: storageConfig(e),
    flushCountersEveryMs: e.LIBRARY_COUNTER_FLUSH_SECONDS * 1000,
  };
}
