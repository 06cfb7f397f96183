import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CreateMultipartUploadCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@portal/local-services';
import { contentKey, type FileStorage } from '../src/storage/file-storage';
import { LocalFileStorage } from '../src/storage/local-file-storage';
import { S3FileStorage } from '../src/storage/s3-file-storage';
import { useTestS3 } from './test-s3';

/** S3's smallest part, so an 11 MiB file is a real three-part multipart upload. */
const PART = 5 * 1024 * 1024;
const s3 = useTestS3('contract');
const paged = useTestS3('paging', { backend: 'memory' });
const scratch = mkdtempSync(join(tmpdir(), 'library-storage-contract-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const keyOf = (b: Buffer) => contentKey(sha256(b));
const uid = () => randomBytes(4).toString('hex');

/** Feeds `bytes` in 64 KB chunks, as a network upload arrives. */
function chunked(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
    })(),
  );
}

async function put(storage: FileStorage, bytes: Buffer): Promise<string> {
  const staged = await storage.stage();
  await pipeline(chunked(bytes), staged.stream);
  const key = keyOf(bytes);
  await staged.commit(key);
  return key;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Byte-for-byte comparison (vitest's deep equality is far too slow for megabytes). */
function expectSameBytes(actual: Buffer, expected: Buffer): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.equals(expected)).toBe(true);
}

async function listed(storage: FileStorage): Promise<{ key: string; sizeBytes: number }[]> {
  const out: { key: string; sizeBytes: number }[] = [];
  for await (const o of storage.list()) out.push({ key: o.key, sizeBytes: o.sizeBytes });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

interface Driver {
  name: string;
  /** A storage over an empty namespace of its own, and the folder it stages uploads in. */
  create(): { storage: FileStorage; stagingDir: string };
}

const drivers: Driver[] = [
  {
    name: 'local directory',
    create: () => {
      const root = join(scratch, `local-${uid()}`);
      return { storage: new LocalFileStorage(root), stagingDir: join(root, '.staging') };
    },
  },
  {
    name: 'S3 bucket (embedded S3 server)',
    create: () => {
      const stagingDir = join(scratch, `s3-staging-${uid()}`);
      const config = s3.config({ prefix: `p-${uid()}/`, stagingDir });
      return { storage: new S3FileStorage(config, { partSize: PART }), stagingDir };
    },
  },
];

describe.each(drivers)('file storage contract: $name', (driver) => {
  let storage: FileStorage;
  let stagingDir: string;
  const staged = () => (existsSync(stagingDir) ? readdirSync(stagingDir) : []);

  beforeEach(() => {
    ({ storage, stagingDir } = driver.create());
  });
  afterEach(async () => {
    await storage.close();
  });

  it('stores content and reads it back byte for byte, leaving nothing staged', async () => {
    const big = randomBytes(2 * PART + 123_457);
    const small = Buffer.from('Sổ tay chuyển đổi số cho cán bộ phường, xã');
    const bigKey = await put(storage, big);
    const smallKey = await put(storage, small);

    expectSameBytes(await readAll(storage.read(bigKey)), big);
    expectSameBytes(await readAll(storage.read(smallKey)), small);
    const stat = await storage.stat(bigKey);
    expect(stat).toMatchObject({ key: bigKey, sizeBytes: big.length });
    expect(stat!.modifiedAt).toBeInstanceOf(Date);
    expect(staged()).toEqual([]);
  });

  it('serves inclusive byte ranges, across part boundaries too', async () => {
    const bytes = randomBytes(PART + 4096);
    const key = await put(storage, bytes);
    const ranges = [
      { start: 0, end: 0 },
      { start: 10, end: 19 },
      { start: PART - 100, end: PART + 99 },
      { start: bytes.length - 1, end: bytes.length - 1 },
      { start: 0, end: bytes.length - 1 },
    ];
    for (const range of ranges) {
      expectSameBytes(
        await readAll(storage.read(key, range)),
        bytes.subarray(range.start, range.end + 1),
      );
    }
  });

  it('lets a reader stop early (a player seeking elsewhere) and serves the next read whole', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const key = await put(storage, bytes);
    for (let i = 0; i < 3; i++) {
      const partial = storage.read(key);
      for await (const chunk of partial) {
        expect((chunk as Buffer).length).toBeGreaterThan(0);
        break; // leaving the loop destroys the stream
      }
      expect(partial.destroyed).toBe(true);
    }
    expectSameBytes(await readAll(storage.read(key)), bytes);
  });

  it('reports a missing object: no stat, a read that fails with ENOENT, a harmless delete', async () => {
    const key = keyOf(Buffer.from('không có'));
    expect(await storage.stat(key)).toBeNull();
    await expect(readAll(storage.read(key))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readAll(storage.read(key, { start: 0, end: 9 }))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('deletes an object', async () => {
    const kept = Buffer.from('giữ lại');
    const gone = Buffer.from('xóa đi');
    const keptKey = await put(storage, kept);
    const goneKey = await put(storage, gone);
    await storage.remove(goneKey);
    expect(await storage.stat(goneKey)).toBeNull();
    await expect(readAll(storage.read(goneKey))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await listed(storage)).toEqual([{ key: keptKey, sizeBytes: kept.length }]);
  });

  it('keeps content written twice under its hash once, intact', async () => {
    const bytes = randomBytes(300_000);
    const first = await put(storage, bytes);
    const second = await put(storage, Buffer.from(bytes));
    expect(second).toBe(first);
    expect(await listed(storage)).toEqual([{ key: first, sizeBytes: bytes.length }]);
    expectSameBytes(await readAll(storage.read(first)), bytes);
    expect(staged()).toEqual([]);
  });

  it('lists every stored object with its size', async () => {
    const contents = [randomBytes(10), randomBytes(2000), randomBytes(70_000)];
    for (const c of contents) await put(storage, c);
    expect(await listed(storage)).toEqual(
      contents
        .map((c) => ({ key: keyOf(c), sizeBytes: c.length }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
  });

  it('leaves no object and no staged bytes when an upload fails mid-way or is discarded', async () => {
    const failing = await storage.stage();
    const source = new Readable({ read() {} });
    source.push(randomBytes(200_000));
    const written = pipeline(source, failing.stream);
    source.destroy(new Error('client closed the connection during upload'));
    await expect(written).rejects.toThrow('client closed');
    await failing.discard();

    const dropped = await storage.stage();
    await pipeline(chunked(randomBytes(150_000)), dropped.stream);
    await dropped.discard();
    await dropped.discard();

    expect(existsSync(failing.path)).toBe(false);
    expect(existsSync(dropped.path)).toBe(false);
    expect(staged()).toEqual([]);
    expect(await listed(storage)).toEqual([]);
  });

  it('purges staged uploads a crash left behind, by age', async () => {
    const abandoned = await storage.stage();
    await pipeline(chunked(randomBytes(1000)), abandoned.stream);
    expect(await storage.purgeStaging(new Date(Date.now() - 3600_000))).toBe(0);
    expect(existsSync(abandoned.path)).toBe(true);
    expect(await storage.purgeStaging(new Date(Date.now() + 3600_000))).toBe(1);
    expect(existsSync(abandoned.path)).toBe(false);
    expect(await listed(storage)).toEqual([]);
  });

  it('refuses keys that are not content keys', async () => {
    await expect(storage.stat('../../etc/passwd')).rejects.toThrow('bad storage key');
    expect(() => storage.read('ab/cd/not-a-hash')).toThrow('bad storage key');
  });

  it('is ready when it can be used', async () => {
    await expect(storage.checkReady()).resolves.toBeUndefined();
  });
});

/** An HTTP proxy to the S3 server that cuts the connection of requests `fail` picks. */
async function faultyProxy(target: string, fail: (req: IncomingMessage) => boolean) {
  const server = createServer((req, res) => {
    if (fail(req)) {
      req.socket.destroy();
      return;
    }
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('S3 storage beyond the contract', () => {
  it('aborts a multipart upload whose part fails: no object, no parts left, nothing staged', async () => {
    const proxy = await faultyProxy(s3.endpoint, (req) =>
      /[?&]partNumber=2(&|$)/.test(req.url ?? ''),
    );
    const prefix = `failed-${uid()}/`;
    const stagingDir = join(scratch, `s3-failed-${uid()}`);
    const storage = new S3FileStorage(s3.config({ endpoint: proxy.url, prefix, stagingDir }), {
      partSize: PART,
    });
    try {
      const bytes = randomBytes(2 * PART + 1000);
      const upload = await storage.stage();
      await pipeline(chunked(bytes), upload.stream);
      await expect(upload.commit(keyOf(bytes))).rejects.toThrow();
      await upload.discard();

      expect((await s3.keys()).filter((k) => k.startsWith(prefix))).toEqual([]);
      expect((await s3.pendingUploads()).filter((k) => k.startsWith(prefix))).toEqual([]);
      expect(readdirSync(stagingDir)).toEqual([]);
    } finally {
      await storage.close();
      await proxy.close();
    }
  });

  it('aborts multipart uploads a crashed process left under its prefix, and no others', async () => {
    const prefix = `crashed-${uid()}/`;
    const storage = new S3FileStorage(s3.config({ prefix }));
    const start = async (key: string) => {
      const created = await s3.client.send(
        new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key: key }),
      );
      await s3.client.send(
        new UploadPartCommand({
          Bucket: s3.bucket,
          Key: key,
          UploadId: created.UploadId,
          PartNumber: 1,
          Body: randomBytes(1000),
        }),
      );
    };
    const mine = `${prefix}${keyOf(Buffer.from('dở dang'))}`;
    const someoneElses = `other-${uid()}/${keyOf(Buffer.from('của người khác'))}`;
    await start(mine);
    await start(someoneElses);
    try {
      expect(await s3.pendingUploads()).toEqual(expect.arrayContaining([mine, someoneElses]));
      // Uploads started within the grace period may still be running: left alone.
      expect(await storage.purgeStaging(new Date(Date.now() - 3600_000))).toBe(0);
      expect(await storage.purgeStaging(new Date(Date.now() + 3600_000))).toBe(1);
      const pending = await s3.pendingUploads();
      expect(pending).not.toContain(mine);
      expect(pending).toContain(someoneElses);
    } finally {
      await storage.close();
    }
  });

  it('pages through long listings, and lists only under its prefix', async () => {
    const prefix = 'thu-vien/tai-lieu/';
    const storage = new S3FileStorage(paged.config({ prefix }), { listPageSize: 2 });
    const neighbour = new S3FileStorage(paged.config({ prefix: 'khac/' }));
    try {
      const contents = Array.from({ length: 5 }, (_, i) => Buffer.from(`tài liệu số ${i}`));
      for (const c of contents) await put(storage, c);
      await put(neighbour, Buffer.from('không thuộc thư viện này'));
      expect((await listed(storage)).map((o) => o.key)).toEqual(contents.map(keyOf).sort());
      expect((await paged.keys()).filter((k) => k.startsWith(prefix))).toHaveLength(5);
    } finally {
      await storage.close();
      await neighbour.close();
    }
  });

  it('is not ready, naming the bucket, when the bucket is missing or the store is down', async () => {
    const missingBucket = new S3FileStorage(s3.config({ bucket: 'khong-co-bucket-nay' }));
    const down = new S3FileStorage(s3.config({ endpoint: `http://127.0.0.1:${await freePort()}` }));
    try {
      await expect(missingBucket.checkReady()).rejects.toThrow(
        'bucket khong-co-bucket-nay is not reachable (HTTP 404)',
      );
      await expect(down.checkReady()).rejects.toThrow(`bucket ${s3.bucket} is not reachable`);
    } finally {
      await missingBucket.close();
      await down.close();
    }
  });
});
