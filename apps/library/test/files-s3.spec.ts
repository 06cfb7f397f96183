import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { waitUntil } from '@portal/testing';
import { sweepStorage } from '../src/jobs/sweep-storage';
import { samplePdf, sampleMp4, samplePng } from '../src/seed/sample-files';
import { contentKey } from '../src/storage/file-storage';
import {
  disconnectMidUpload,
  sampleExe,
  silentLogger,
  tokenFor,
  upload,
  uploadAsEditor,
  useTestLibrary,
  type TestLibrary,
} from './helpers';
import { useTestS3 } from './test-s3';

// The library as LIBRARY_STORAGE=s3 runs it: real uploads and downloads over HTTP, content
// in a bucket on the embedded S3 server, with the driver's default (8 MiB) part size.
const MAX_UPLOAD = 12 * 1024 * 1024;
const s3 = useTestS3('files');
const lib = useTestLibrary('library-files-s3', { maxUploadBytes: MAX_UPLOAD, s3 });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stagedFiles = () => {
  const dir = join(lib.filesDir, '.staging');
  return existsSync(dir) ? readdirSync(dir) : [];
};

async function download(
  l: TestLibrary,
  fileId: string,
  options: { headers?: Record<string, string>; method?: string } = {},
) {
  const res = await fetch(`${l.url}/files/${fileId}`, {
    method: options.method ?? 'GET',
    headers: { ...options.headers, [INTERNAL_TOKEN_HEADER]: (await tokenFor('editor'))! },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('files in an S3 bucket, over HTTP', () => {
  it('stores an upload as one object under its hash and serves it back byte for byte', async () => {
    // Larger than one part: committed as a streamed multipart upload.
    const video = sampleMp4({ payloadBytes: 9 * 1024 * 1024, seed: 's3-video' });
    const pdf = samplePdf({ title: 'Cẩm nang số', pages: [['Trang 1']] });
    const storedVideo = await uploadAsEditor(lib, { bytes: video, name: 'Bài giảng.mp4' });
    const storedPdf = await uploadAsEditor(lib, { bytes: pdf, name: 'cam-nang.pdf' });
    expect(storedVideo).toMatchObject({ sha256: sha256(video), mimeType: 'video/mp4' });

    expect(await s3.keys()).toEqual([contentKey(sha256(video)), contentKey(sha256(pdf))].sort());
    expect(stagedFiles()).toEqual([]);
    const whole = await download(lib, storedVideo.id);
    expect(whole.res.status).toBe(200);
    expect(whole.res.headers.get('content-length')).toBe(String(video.length));
    expect(whole.res.headers.get('etag')).toBe(`"${sha256(video)}"`);
    expect(whole.bytes.equals(video)).toBe(true);
    expect((await download(lib, storedPdf.id)).bytes.equals(pdf)).toBe(true);
  });

  it('serves ranges for seeking from the bucket: 206, suffix and open ranges, 416, HEAD and 304', async () => {
    const video = sampleMp4({ payloadBytes: 300_000, seed: 's3-ranges' });
    const file = await uploadAsEditor(lib, { bytes: video, name: 'tua.mp4' });

    const middle = await download(lib, file.id, { headers: { range: 'bytes=100000-164999' } });
    expect(middle.res.status).toBe(206);
    expect(middle.res.headers.get('content-range')).toBe(`bytes 100000-164999/${video.length}`);
    expect(middle.res.headers.get('content-length')).toBe('65000');
    expect(middle.bytes.equals(video.subarray(100_000, 165_000))).toBe(true);

    const tail = await download(lib, file.id, { headers: { range: 'bytes=-500' } });
    expect(tail.res.status).toBe(206);
    expect(tail.bytes.equals(video.subarray(video.length - 500))).toBe(true);

    const open = await download(lib, file.id, { headers: { range: 'bytes=299000-' } });
    expect(open.bytes.equals(video.subarray(299_000))).toBe(true);

    const beyond = await download(lib, file.id, { headers: { range: `bytes=${video.length}-` } });
    expect(beyond.res.status).toBe(416);
    expect(beyond.res.headers.get('content-range')).toBe(`bytes */${video.length}`);

    const head = await download(lib, file.id, { method: 'HEAD' });
    expect(head.res.status).toBe(200);
    expect(head.res.headers.get('content-length')).toBe(String(video.length));
    const cached = await download(lib, file.id, {
      headers: { 'if-none-match': `"${file.sha256}"` },
    });
    expect(cached.res.status).toBe(304);
  });

  it('stores identical content once', async () => {
    const bytes = samplePng({ width: 30, height: 30, hue: 200 });
    const first = await upload(lib, { bytes, name: 'logo.png' }, await tokenFor('editor'));
    const second = await upload(lib, { bytes, name: 'ban-sao.png' }, await tokenFor('contributor'));
    // Stored once; `deduplicated` only speaks of the uploader's own files.
    expect([first.body.deduplicated, second.body.deduplicated]).toEqual([false, false]);
    expect((await s3.keys()).filter((k) => k.endsWith(sha256(bytes)))).toHaveLength(1);
    expect(stagedFiles()).toEqual([]);
  });

  it('leaves nothing in the bucket or the staging folder after refusals and a client that disconnects', async () => {
    const keys = await s3.keys();
    const editor = (await tokenFor('editor'))!;
    const exe = await upload(lib, { bytes: sampleExe(), name: 'hoa-don.pdf' }, editor);
    expect(exe.status).toBe(415);
    const big = samplePdf({ title: 'Quá lớn', pages: [['x']], minBytes: MAX_UPLOAD + 1 });
    expect((await upload(lib, { bytes: big, name: 'qua-lon.pdf' }, editor)).status).toBe(413);

    const stagedBefore = stagedFiles().length;
    await disconnectMidUpload(lib, {
      token: editor,
      file: samplePdf({ title: 'Dở dang', pages: [['x']], minBytes: 400_000 }),
      sentBytes: 120_000,
      staged: () => stagedFiles().length > stagedBefore,
    });
    await waitUntil(() => stagedFiles().length === 0, { what: 'the staged upload to be deleted' });
    expect(await s3.keys()).toEqual(keys);
    expect(await s3.pendingUploads()).toEqual([]);
  });

  it('sweeps objects that no record points to out of the bucket, and nothing else', async () => {
    const kept = await uploadAsEditor(lib, {
      bytes: samplePng({ width: 12, height: 12, hue: 90 }),
      name: 'giu.png',
    });
    const orphan = contentKey('ab'.repeat(32));
    const foreign = 'ghi-chu/khong-phai-noi-dung.txt';
    for (const key of [orphan, foreign])
      await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: 'partial' }));

    // Two days from now, everything in the bucket is past the sweep's grace period.
    const result = await sweepStorage({
      storage: lib.storage,
      blobs: lib.models.blobs,
      logger: silentLogger,
      now: new Date(Date.now() + 48 * 3600 * 1000),
    });
    expect(result.orphansRemoved).toBe(1);
    const keys = await s3.keys();
    expect(keys).not.toContain(orphan);
    expect(keys).toContain(contentKey(kept.sha256));
    expect(keys).toContain(foreign);
  });

  it('reports the bucket in /readyz', async () => {
    const res = await fetch(`${lib.url}/readyz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { checks: Record<string, string> }).checks).toMatchObject({
      storage: 'ok',
    });
  });
});
