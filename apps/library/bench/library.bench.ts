// Library benchmarks: `npx tsx apps/library/bench/library.bench.ts [--upload-mb 300] [--duration-s 8]`.
// Starts a throwaway FerretDB and Redis, runs the library as a real process, seeds the
// demo data, and prints: a large upload's throughput and the server's peak memory
// (uploads must stream, not buffer), ranged download throughput (video seeking), and
// LibraryBrowse throughput. Numbers depend on the machine; compare runs on one machine.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import autocannon from 'autocannon';
import { join } from 'node:path';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER, signInternalToken } from '@portal/auth';
import {
  ManagedProcess,
  entryArgs,
  freePort,
  waitForHttp,
  workspaceRoot,
} from '@portal/local-services';
import {
  benchServices,
  benchSizes,
  reportBenchmark,
  reportThroughput,
} from '@portal/testing/bench';

const { 'upload-mb': UPLOAD_MB, 'duration-s': DURATION_S } = benchSizes({
  'upload-mb': 300,
  'duration-s': 8,
});
const root = workspaceRoot();
const SECRET = randomBytes(32).toString('hex');
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Peak and current resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

/** Streams a `mb` MB PDF-looking body as multipart without holding it in memory. */
function streamUpload(
  url: string,
  token: string,
  mb: number,
): Promise<{ status: number; ms: number }> {
  const boundary = `bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tai-lieu-lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = Buffer.from(`\n%%EOF\n\r\n--${boundary}--\r\n`);
  const chunk = randomBytes(1024 * 1024);
  const length = head.length + mb * chunk.length + tail.length;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/uploads`,
      {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(length),
          [INTERNAL_TOKEN_HEADER]: token,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < mb) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    req.write(head);
    pump();
  });
}

async function main(): Promise<void> {
  const services = await benchServices('library');
  const scratch = services.scratch;
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    MONGODB_URI: services.mongoUri,
    MONGODB_DB: `bench_library_${Date.now()}`,
    REDIS_URL: services.redisUrl,
    INTERNAL_TOKEN_SECRET: SECRET,
    PUBLIC_BASE_URL: 'http://localhost:4000',
    WEB_BASE_URL: 'http://localhost:4200',
    LIBRARY_FILES_DIR: join(scratch, 'files'),
    LIBRARY_MAX_UPLOAD_BYTES: String(1024 * 1024 * 1024),
    LIBRARY_UPLOADS_PER_HOUR: '100000',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const seed = spawnSync(process.execPath, entryArgs('apps/library/src/seed.ts'), {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  const app = new ManagedProcess({
    name: 'library',
    command: process.execPath,
    args: entryArgs(join(root, 'apps/library/src/main.ts')),
    cwd: root,
    env,
    output: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, { isAlive: () => app.running });
    const pid = app.child.pid!;
    const token = await signInternalToken(
      { ...ANONYMOUS, id: 'bench-editor', displayName: 'Bench', roles: ['citizen', 'editor'] },
      SECRET,
      { audience: 'library', ttlSeconds: 600 },
    );
    const idle = memoryOf(pid);

    const upload = await streamUpload(url, token, UPLOAD_MB);
    const afterUpload = memoryOf(pid);
    reportBenchmark({
      name: `library upload of ${UPLOAD_MB} MB: server memory growth`,
      value: afterUpload.peakMb - idle.peakMb,
      unit: 'MB',
      // Streaming: the server must not hold the file; a third of it would mean buffering.
      target: Math.round(UPLOAD_MB / 3),
      better: 'lower',
      detail: `HTTP ${upload.status} in ${(upload.ms / 1000).toFixed(1)} s`,
    });
    say(
      `upload ${UPLOAD_MB} MB: HTTP ${upload.status} in ${(upload.ms / 1000).toFixed(1)} s ` +
        `(${((UPLOAD_MB / upload.ms) * 1000).toFixed(0)} MB/s); server RSS idle ${idle.rssMb} MB, ` +
        `peak ${afterUpload.peakMb} MB (+${afterUpload.peakMb - idle.peakMb} MB over the idle peak)`,
    );

    // Reads as the gateway forwards an anonymous visitor's: with an internal token.
    const reader = {
      [INTERNAL_TOKEN_HEADER]: await signInternalToken(ANONYMOUS, SECRET, {
        audience: 'library',
        ttlSeconds: 600,
      }),
    };
    const browse = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reader },
      body: JSON.stringify({
        query: '{ libraryItems(first: 100, filter: { format: VIDEO }) { nodes { files { id } } } }',
      }),
    });
    const videos = (
      (await browse.json()) as { data: { libraryItems: { nodes: { files: { id: string }[] }[] } } }
    ).data.libraryItems.nodes;
    const videoId = videos[0]!.files[0]!.id;

    const ranged = await autocannon({
      url: `${url}/files/${videoId}`,
      connections: 10,
      duration: DURATION_S,
      headers: { range: 'bytes=0-16383', ...reader },
    });
    reportThroughput('library GET /files/:id with Range (16 KB)', ranged, 10);
    say(
      `GET /files/:id with Range (16 KB): ${ranged.requests.average.toFixed(0)} req/s, ` +
        `p50 ${ranged.latency.p50} ms, p99 ${ranged.latency.p99} ms, non-2xx ${ranged.non2xx}, errors ${ranged.errors}`,
    );

    const query =
      'query LibraryBrowse($format: MediaFormat, $topic: String, $q: String, $after: String) { libraryItems(first: 24, after: $after, filter: { format: $format, topic: $topic, search: $q }) { nodes { id slug title description format topics audience publisher downloadCount } pageInfo { hasNextPage endCursor } totalCount } }';
    for (const [label, variables] of [
      ['LibraryBrowse (first page)', {}],
      ['LibraryBrowse (search "chuyen doi so")', { q: 'chuyen doi so' }],
    ] as const) {
      const result = await autocannon({
        url: `${url}/graphql`,
        method: 'POST',
        connections: 10,
        duration: DURATION_S,
        headers: { 'content-type': 'application/json', ...reader },
        body: JSON.stringify({ query, variables }),
      });
      reportThroughput(`library ${label}`, result, 10);
      say(
        `${label}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
          `p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
    }
  } finally {
    await app.stop();
    await services.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
