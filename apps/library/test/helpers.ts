import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER, type Role, type Viewer } from '@portal/auth';
import type { RunningSubgraph } from '@portal/service-runtime';
import {
  type CallOptions,
  internalTokenFor,
  type SubgraphHarness,
  TEST_LISTEN,
  testLogger,
  testProcessEnv,
  testViewer,
  useSubgraph,
  waitUntil,
} from '@portal/testing';
import { ItemCounters } from '../src/counters/item-counters';
import { flushCounters } from '../src/jobs/flush-counters';
import { libraryModels, type LibraryModels } from '../src/models';
import { startServer } from '../src/server';
import type { FileStorage } from '../src/storage/file-storage';
import { LocalFileStorage } from '../src/storage/local-file-storage';
import { S3FileStorage } from '../src/storage/s3-file-storage';
import type { TestS3 } from './test-s3';

export const PUBLIC_BASE_URL = 'https://cds.hochiminhcity.gov.vn';
export const silentLogger = testLogger('library-test');

export type TestLibrary = SubgraphHarness<RunningSubgraph> & {
  url: string;
  graphqlUrl: string;
  models: LibraryModels;
  counters: ItemCounters;
  storage: FileStorage;
  /** The local store's directory; with S3, where uploads are staged (under `.staging`). */
  filesDir: string;
  keyPrefix: string;
};

/**
 * Starts the real library server in-process for one test file (`useSubgraph`): its own
 * database on the test FerretDB, its own Redis key prefix and its own files directory, or
 * with `s3` its own bucket on the embedded S3 server (as LIBRARY_STORAGE=s3 would).
 */
/** Adds the library's pending view, download and try-it counts to its statistics, as the worker's flush does. */
export function flushTestCounters(lib: TestLibrary) {
  return flushCounters({
    counters: lib.counters,
    stats: lib.models.stats,
    showcaseStats: lib.models.showcaseStats,
    logger: silentLogger,
  });
}

export function useTestLibrary(
  label: string,
  options: { maxUploadBytes?: number; uploadsPerHour?: number; s3?: TestS3 } = {},
): TestLibrary {
  const filesDir = mkdtempSync(join(tmpdir(), `library-files-${label}-`));
  const lib = useSubgraph(label, async (env) => {
    const storage = options.s3
      ? new S3FileStorage(options.s3.config({ stagingDir: join(filesDir, '.staging') }))
      : new LocalFileStorage(filesDir);
    env.onClose(() => rmSync(filesDir, { recursive: true, force: true }));
    env.onClose(() => storage.close());
    const server = await startServer(
      {
        ...TEST_LISTEN,
        publicBaseUrl: PUBLIC_BASE_URL,
        maxUploadBytes: options.maxUploadBytes ?? 5 * 1024 * 1024,
        uploadsPerHour: options.uploadsPerHour ?? 10_000,
        uploadTimeoutMs: 60_000,
        keyPrefix: env.prefix,
      },
      { conn: env.conn, redis: env.redis, storage, logger: silentLogger },
    );
    return {
      server,
      storage,
      url: server.url,
      graphqlUrl: server.graphqlUrl,
      models: libraryModels(env.conn),
      counters: new ItemCounters(env.redis, env.prefix),
    };
  });
  return Object.assign(lib, { filesDir, keyPrefix: lib.prefix });
}

/** The environment a library process started by a test shares with its in-process library. */
export function libraryProcessEnv(lib: TestLibrary): Record<string, string> {
  return { ...testProcessEnv(lib.dbName, lib.keyPrefix), LIBRARY_FILES_DIR: lib.filesDir };
}

/** Internal tokens for each kind of viewer, as the gateway would sign them. */
export async function tokenFor(
  role: Role | 'anonymous',
  overrides: Partial<Viewer> = {},
  clientKey?: string,
): Promise<string> {
  // The gateway signs a token for anonymous callers too.
  if (role === 'anonymous') return internalTokenFor(ANONYMOUS, { clientKey });
  return internalTokenFor(testViewer(role, overrides), { clientKey });
}

/** A GraphQL call as `role` (or anonymously), through the harness's `call`. */
export async function gqlAs(
  lib: TestLibrary,
  role: Role | 'anonymous',
  query: string,
  variables?: Record<string, unknown>,
  { viewer, ...options }: CallOptions & { viewer?: Partial<Viewer> } = {},
) {
  return lib.call(
    role === 'anonymous' ? null : testViewer(role, viewer),
    query,
    variables,
    options,
  );
}

export interface UploadResponse {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Uploads `bytes` as multipart/form-data over real HTTP, as a browser form would, to the
 * library at `lib.url` (this test's, or a library process).
 */
export async function upload(
  lib: Pick<TestLibrary, 'url'>,
  file: { bytes: Buffer; name: string; type?: string; field?: string },
  token?: string,
): Promise<UploadResponse> {
  const form = new FormData();
  form.append(
    file.field ?? 'file',
    new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
    file.name,
  );
  const res = await fetch(`${lib.url}/uploads`, {
    method: 'POST',
    body: form,
    headers: { [INTERNAL_TOKEN_HEADER]: token ?? (await tokenFor('anonymous')) },
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Uploads as an editor and returns the stored file. */
export async function uploadAsEditor(
  lib: TestLibrary,
  file: { bytes: Buffer; name: string },
): Promise<{ id: string; url: string; sha256: string; sizeBytes: number; mimeType: string }> {
  const res = await upload(lib, file, await tokenFor('editor'));
  if (res.status !== 201)
    throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.file;
}

/** Every file under the storage directory (staging included), for "no trace left" checks. */
export function storedFiles(lib: TestLibrary): string[] {
  return readdirSync(lib.filesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Starts a multipart upload of `file`, sends its first `sentBytes`, waits until `staged()`
 * says the server has staged them, then drops the connection (a client that goes away
 * mid-upload). Fails if nothing is ever staged, so a "no trace left" check that follows
 * proves that something was cleaned up.
 */
export async function disconnectMidUpload(
  lib: TestLibrary,
  options: { token: string; file: Buffer; sentBytes: number; staged: () => boolean },
): Promise<void> {
  const boundary = 'x-boundary-disconnect';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dang-do.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const req = request(`${lib.url}/uploads`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + options.file.length + 100),
      [INTERNAL_TOKEN_HEADER]: options.token,
    },
  });
  req.on('error', () => {});
  try {
    req.write(head);
    req.write(options.file.subarray(0, options.sentBytes));
    await waitUntil(options.staged, { what: 'the first bytes of the upload to be staged' });
  } finally {
    req.destroy();
  }
}

/** A Windows executable header (MZ + PE signature), as a renamed .exe carries. */
export function sampleExe(): Buffer {
  const exe = Buffer.alloc(1024);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('This program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1');
  exe.write('PE\0\0', 0x80, 'latin1');
  exe.writeUInt16LE(0x8664, 0x84);
  return exe;
}
