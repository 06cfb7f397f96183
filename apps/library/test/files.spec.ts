import { createHash } from 'node:crypto';
import { parse as parseDisposition } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { fetchAsGateway, metricValue, waitUntil } from '@portal/testing';
import { samplePdf, samplePng, sampleMp4, sampleDocx, sampleEpub } from '../src/seed/sample-files';
import { zip } from '../src/seed/zip';
import {
  disconnectMidUpload,
  gqlAs,
  sampleExe,
  flushTestCounters,
  storedFiles,
  tokenFor,
  upload,
  uploadAsEditor,
  useTestLibrary,
  type TestLibrary,
} from './helpers';

const MAX_UPLOAD = 256 * 1024;
const lib = useTestLibrary('library-files', { maxUploadBytes: MAX_UPLOAD });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function download(
  l: TestLibrary,
  fileId: string,
  options: { headers?: Record<string, string>; token?: string; method?: string } = {},
) {
  const res = await fetchAsGateway(`${l.url}/files/${fileId}`, {
    method: options.method ?? 'GET',
    headers: {
      ...options.headers,
      [INTERNAL_TOKEN_HEADER]: options.token ?? (await tokenFor('anonymous')),
    },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A published DOCUMENT item carrying `fileId`. */
async function publishedItemWith(fileId: string, format = 'DOCUMENT'): Promise<string> {
  const created = await gqlAs(
    lib,
    'editor',
    'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { id } }',
    { input: { title: `Tài liệu ${fileId}`, format, fileIds: [fileId] } },
  );
  const id = created.data!.createLibraryItem.id as string;
  const published = await gqlAs(
    lib,
    'editor',
    'mutation($id: ID!) { publishLibraryItem(id: $id) { status } }',
    { id },
  );
  expect(published.data?.publishLibraryItem.status).toBe('PUBLISHED');
  return id;
}

describe('uploading and downloading files over HTTP', () => {
  it('stores a PDF, a PNG and an MP4 and serves each back byte for byte', async () => {
    const samples = [
      {
        bytes: samplePdf({ title: 'Cẩm nang chuyển đổi số', pages: [['Trang 1'], ['Trang 2']] }),
        name: 'Cẩm nang chuyển đổi số.pdf',
        mime: 'application/pdf',
        disposition: 'inline',
      },
      {
        bytes: samplePng({ width: 48, height: 32, hue: 120 }),
        name: 'anh-bia.png',
        mime: 'image/png',
        disposition: 'inline',
      },
      {
        bytes: sampleMp4({ payloadBytes: 40_000, seed: 'video-1' }),
        name: 'Bài giảng 1.mp4',
        mime: 'video/mp4',
        disposition: 'inline',
      },
    ];
    const editor = await tokenFor('editor');
    for (const sample of samples) {
      // The client's declared type is wrong on purpose: the content decides.
      const res = await upload(
        lib,
        { bytes: sample.bytes, name: sample.name, type: 'text/plain' },
        editor,
      );
      expect(res.status).toBe(201);
      const file = res.body.file;
      expect(file).toMatchObject({
        mimeType: sample.mime,
        sizeBytes: sample.bytes.length,
        sha256: sha256(sample.bytes),
        originalName: sample.name,
      });
      expect(file.url).toBe(`https://cds.hochiminhcity.gov.vn/files/${file.id}`);
      expect(res.headers.get('location')).toBe(file.url);

      const { res: got, bytes } = await download(lib, file.id, { token: editor });
      expect(got.status).toBe(200);
      expect(bytes.equals(sample.bytes)).toBe(true);
      expect(got.headers.get('content-type')).toBe(sample.mime);
      expect(got.headers.get('content-length')).toBe(String(sample.bytes.length));
      expect(got.headers.get('etag')).toBe(`"${sha256(sample.bytes)}"`);
      expect(got.headers.get('accept-ranges')).toBe('bytes');
      const disposition = parseDisposition(got.headers.get('content-disposition')!);
      expect(disposition.type).toBe(sample.disposition);
      expect(disposition.parameters.filename).toBe(sample.name);
    }
  });

  it('names Vietnamese files with RFC 5987 and an ASCII fallback, and offers office files as downloads', async () => {
    const bytes = sampleDocx({ title: 'Quy chế', paragraphs: ['Điều 1.'] });
    const file = await uploadAsEditor(lib, { bytes, name: 'Quy chế quản lý dữ liệu số.docx' });
    const { res } = await download(lib, file.id, { token: await tokenFor('editor') });
    const header = res.headers.get('content-disposition')!;
    expect(header).toContain('attachment');
    expect(header).toContain('filename="Quy che quan ly du lieu so.docx"');
    expect(header).toContain(
      "filename*=UTF-8''" + encodeURIComponent('Quy chế quản lý dữ liệu số.docx'),
    );
    expect(parseDisposition(header).parameters.filename).toBe('Quy chế quản lý dữ liệu số.docx');
    const inline = await download(lib, file.id, { token: await tokenFor('editor') });
    expect(inline.bytes.equals(bytes)).toBe(true);
  });

  it('serves byte ranges for seeking: 206, suffix and open ranges, 416 past the end, HEAD and 304', async () => {
    const video = sampleMp4({ payloadBytes: 100_000, seed: 'ranges' });
    const file = await uploadAsEditor(lib, { bytes: video, name: 'video.mp4' });
    const token = await tokenFor('editor');

    const first = await download(lib, file.id, { token, headers: { range: 'bytes=0-99' } });
    expect(first.res.status).toBe(206);
    expect(first.res.headers.get('content-range')).toBe(`bytes 0-99/${video.length}`);
    expect(first.res.headers.get('content-length')).toBe('100');
    expect(first.bytes.equals(video.subarray(0, 100))).toBe(true);

    const middle = await download(lib, file.id, { token, headers: { range: 'bytes=50000-50999' } });
    expect(middle.res.status).toBe(206);
    expect(middle.bytes.equals(video.subarray(50_000, 51_000))).toBe(true);

    const tail = await download(lib, file.id, { token, headers: { range: 'bytes=-500' } });
    expect(tail.res.status).toBe(206);
    expect(tail.res.headers.get('content-range')).toBe(
      `bytes ${video.length - 500}-${video.length - 1}/${video.length}`,
    );
    expect(tail.bytes.equals(video.subarray(video.length - 500))).toBe(true);

    const open = await download(lib, file.id, { token, headers: { range: 'bytes=99000-' } });
    expect(open.res.status).toBe(206);
    expect(open.bytes.equals(video.subarray(99_000))).toBe(true);

    const beyond = await download(lib, file.id, {
      token,
      headers: { range: `bytes=${video.length + 10}-` },
    });
    expect(beyond.res.status).toBe(416);
    expect(beyond.res.headers.get('content-range')).toBe(`bytes */${video.length}`);

    // A changed validator in If-Range means "send it all".
    const stale = await download(lib, file.id, {
      token,
      headers: { range: 'bytes=0-9', 'if-range': '"0000"' },
    });
    expect(stale.res.status).toBe(200);
    expect(stale.bytes.length).toBe(video.length);
    const fresh = await download(lib, file.id, {
      token,
      headers: { range: 'bytes=0-9', 'if-range': `"${file.sha256}"` },
    });
    expect(fresh.res.status).toBe(206);
    expect(fresh.bytes.length).toBe(10);

    const head = await download(lib, file.id, { token, method: 'HEAD' });
    expect(head.res.status).toBe(200);
    expect(head.res.headers.get('content-length')).toBe(String(video.length));
    expect(head.bytes.length).toBe(0);

    const cached = await download(lib, file.id, {
      token,
      headers: { 'if-none-match': `"${file.sha256}"` },
    });
    expect(cached.res.status).toBe(304);
    expect(cached.bytes.length).toBe(0);
  });

  it('refuses a file over the size limit with 413 and leaves no trace', async () => {
    const before = storedFiles(lib);
    const filesBefore = await lib.models.files.countDocuments();
    const big = samplePdf({ title: 'Quá lớn', pages: [['x']], minBytes: MAX_UPLOAD + 1 });
    const res = await upload(lib, { bytes: big, name: 'qua-lon.pdf' }, await tokenFor('editor'));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.error.message).toContain('256 KB');
    // Declared far over the limit: refused before a byte is read.
    const huge = samplePdf({ title: 'Rất lớn', pages: [['x']], minBytes: MAX_UPLOAD * 3 });
    const refused = await upload(
      lib,
      { bytes: huge, name: 'rat-lon.pdf' },
      await tokenFor('editor'),
    );
    expect(refused.status).toBe(413);
    expect(storedFiles(lib)).toEqual(before);
    expect(await lib.models.files.countDocuments()).toBe(filesBefore);
  });

  it('refuses a Windows executable renamed .pdf, and other types off the list, with 415 and no trace', async () => {
    const before = storedFiles(lib);
    const blobsBefore = await lib.models.blobs.countDocuments();
    const editor = await tokenFor('editor');
    const exe = await upload(
      lib,
      { bytes: sampleExe(), name: 'bao-cao-tai-chinh.pdf', type: 'application/pdf' },
      editor,
    );
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(exe.body.error.message).toContain('application/x-msdownload');

    // An executable padded past the first chunks is stopped early, still without a trace.
    const bigExe = Buffer.concat([sampleExe(), Buffer.alloc(200_000, 7)]);
    expect((await upload(lib, { bytes: bigExe, name: 'setup.pdf' }, editor)).status).toBe(415);

    const text = await upload(
      lib,
      { bytes: Buffer.from('Xin chào'.repeat(100)), name: 'ghi-chu.txt' },
      editor,
    );
    expect(text.status).toBe(415);
    // A macro-enabled Word file is a ZIP like a .docx, told apart only by its content types.
    const docm = zip([
      {
        name: '[Content_Types].xml',
        data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect((await upload(lib, { bytes: docm, name: 'mau.docx' }, editor)).status).toBe(415);
    const empty = await upload(lib, { bytes: Buffer.alloc(0), name: 'rong.pdf' }, editor);
    expect(empty.status).toBe(400);

    expect(storedFiles(lib)).toEqual(before);
    expect(await lib.models.blobs.countDocuments()).toBe(blobsBefore);
  });

  it('accepts EPUB and Word files, told apart inside their ZIP container', async () => {
    const epub = sampleEpub({
      id: 'test',
      title: 'Sách điện tử',
      author: 'Nhà xuất bản Thông tin và Truyền thông',
      chapters: [{ title: 'Chương 1', paragraphs: ['Nội dung'] }],
    });
    const res = await upload(
      lib,
      { bytes: epub, name: 'sach.epub' },
      await tokenFor('contributor'),
    );
    expect(res.status).toBe(201);
    expect(res.body.file.mimeType).toBe('application/epub+zip');
  });

  it('stores identical content once, under each uploader’s own name', async () => {
    const bytes = samplePng({ width: 40, height: 40, hue: 300 });
    const first = await upload(lib, { bytes, name: 'logo.png' }, await tokenFor('editor'));
    const objectsAfterFirst = storedFiles(lib).length;
    const second = await upload(
      lib,
      { bytes, name: 'logo-ban-sao.png' },
      await tokenFor('contributor'),
    );
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    // Stored once, but a contributor is not told that someone else holds the same content.
    expect(first.body.deduplicated).toBe(false);
    expect(second.body.deduplicated).toBe(false);
    const again = await upload(lib, { bytes, name: 'logo-2.png' }, await tokenFor('contributor'));
    expect(again.body.deduplicated).toBe(true);
    expect(storedFiles(lib).length).toBe(objectsAfterFirst);
    expect(second.body.file.sha256).toBe(first.body.file.sha256);
    expect(second.body.file.id).not.toBe(first.body.file.id);
    expect(storedFiles(lib).length).toBe(objectsAfterFirst);
    expect(storedFiles(lib).filter((p) => p.endsWith(first.body.file.sha256))).toHaveLength(1);
    expect(await lib.models.blobs.countDocuments({ _id: first.body.file.sha256 })).toBe(1);
    const { res } = await download(lib, second.body.file.id, {
      token: await tokenFor('contributor'),
    });
    expect(parseDisposition(res.headers.get('content-disposition')!).parameters.filename).toBe(
      'logo-ban-sao.png',
    );
  });

  it('lets only contributors and editors upload (401/403 with a JSON body)', async () => {
    const file = { bytes: samplePng({ width: 8, height: 8 }), name: 'x.png' };
    const anonymous = await upload(lib, file);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    for (const role of ['citizen', 'moderator', 'officer'] as const) {
      const res = await upload(lib, file, await tokenFor(role));
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const forged = await upload(lib, file, 'not-a-token');
    expect(forged.status).toBe(401);
    for (const role of ['contributor', 'editor', 'admin'] as const)
      expect((await upload(lib, file, await tokenFor(role))).status, role).toBe(201);
  });

  it('answers malformed upload requests with 400/415', async () => {
    const editor = (await tokenFor('editor'))!;
    const wrongField = await upload(
      lib,
      { bytes: samplePng({ width: 4, height: 4 }), name: 'a.png', field: 'attachment' },
      editor,
    );
    expect(wrongField.status).toBe(400);
    const json = await fetchAsGateway(`${lib.url}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: editor },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(((await json.json()) as any).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('deletes what it received when the client disconnects mid-upload', async () => {
    const before = storedFiles(lib);
    await disconnectMidUpload(lib, {
      token: (await tokenFor('editor'))!,
      file: samplePdf({ title: 'Dở dang', pages: [['x']], minBytes: 150_000 }),
      sentBytes: 60_000,
      staged: () => storedFiles(lib).length > before.length,
    });
    await waitUntil(() => storedFiles(lib).join() === before.join(), {
      what: 'the staged upload to be deleted',
    });
  });

  it('hides files of unpublished items from everyone but editors and the uploader', async () => {
    const bytes = samplePdf({ title: 'Bản nháp', pages: [['nháp']] });
    const contributor = await tokenFor('contributor', { id: 'contributor-owner' });
    const res = await upload(lib, { bytes, name: 'ban-nhap.pdf' }, contributor);
    const fileId = res.body.file.id as string;
    expect((await download(lib, fileId)).res.status).toBe(404);
    expect((await download(lib, fileId, { token: await tokenFor('citizen') })).res.status).toBe(
      404,
    );
    expect(
      (
        await download(lib, fileId, {
          token: await tokenFor('contributor', { id: 'someone-else' }),
        })
      ).res.status,
    ).toBe(404);
    const own = await download(lib, fileId, { token: contributor });
    expect(own.res.status).toBe(200);
    expect(own.res.headers.get('cache-control')).toBe('private, no-store');
    expect((await download(lib, fileId, { token: await tokenFor('editor') })).res.status).toBe(200);

    await publishedItemWith(fileId);
    const pub = await download(lib, fileId);
    expect(pub.res.status).toBe(200);
    expect(pub.bytes.equals(bytes)).toBe(true);
    expect(pub.res.headers.get('cache-control')).toContain('public');
    expect((await download(lib, 'ffffffffffffffffffffffff')).res.status).toBe(404);
    const bad = await download(lib, 'not-an-id');
    expect(bad.res.status).toBe(404);
    expect(
      (await bad.res.json().catch(() => null)) ?? JSON.parse(bad.bytes.toString()),
    ).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  it('counts a download once per client per item per day, and shows it after the flush', async () => {
    const bytes = samplePdf({ title: 'Đếm lượt tải', pages: [['1']] });
    const file = await uploadAsEditor(lib, { bytes, name: 'dem.pdf' });
    const itemId = await publishedItemWith(file.id);
    const asClient = async (key: string, headers: Record<string, string> = {}, method = 'GET') =>
      download(lib, file.id, { token: await tokenFor('citizen', {}, key), headers, method });

    await asClient('client-a');
    await asClient('client-a'); // same client, same day
    await asClient('client-a', { range: 'bytes=0-9' }); // seeking is not another download
    await asClient('client-b', {}, 'HEAD'); // HEAD is not a download
    await asClient('client-b');
    await waitUntil(async () => (await lib.counters.pending())[`download:${itemId}`] === '2', {
      what: 'two pending downloads',
    });

    const result = await flushTestCounters(lib);
    expect(result.skipped).toBe(false);
    const page = await gqlAs(
      lib,
      'anonymous',
      'query($id: ID!) { libraryItem(id: $id) { downloadCount viewCount } }',
      { id: itemId },
    );
    expect(page.data?.libraryItem).toEqual({ downloadCount: 2, viewCount: 0 });
  });

  it('reports uploads and file responses in /metrics', async () => {
    const metrics = async () => (await fetch(`${lib.url}/metrics`)).text();
    const value = (text: string, name: string, labels: Record<string, string> = {}) =>
      metricValue(text, name, { ...labels, service: 'library' });
    const uploads = (text: string, outcome: string) =>
      value(text, 'library_uploads_total', { outcome });
    const responses = (text: string, status: string) =>
      value(text, 'library_file_responses_total', { status });
    const before = await metrics();

    const editor = (await tokenFor('editor'))!;
    const bytes = samplePdf({ title: `Số liệu ${Date.now()}`, pages: [['đo đếm']] });
    const stored = await upload(lib, { bytes, name: 'so-lieu.pdf' }, editor);
    expect(stored.status).toBe(201);
    expect((await upload(lib, { bytes, name: 'ban-sao.pdf' }, editor)).body.deduplicated).toBe(
      true,
    );
    const big = samplePdf({ title: 'Quá lớn', pages: [['x']], minBytes: MAX_UPLOAD + 1 });
    expect((await upload(lib, { bytes: big, name: 'qua-lon.pdf' }, editor)).status).toBe(413);
    expect((await upload(lib, { bytes, name: 'an-danh.pdf' })).status).toBe(401);
    const fileId = stored.body.file.id as string;
    const ranged = await download(lib, fileId, { token: editor, headers: { range: 'bytes=0-99' } });
    expect(ranged.res.status).toBe(206);
    const beyond = await download(lib, fileId, {
      token: editor,
      headers: { range: `bytes=${bytes.length}-` },
    });
    expect(beyond.res.status).toBe(416);

    const after = await metrics();
    expect(uploads(after, 'stored') - uploads(before, 'stored')).toBe(1);
    expect(uploads(after, 'deduplicated') - uploads(before, 'deduplicated')).toBe(1);
    expect(uploads(after, 'PAYLOAD_TOO_LARGE') - uploads(before, 'PAYLOAD_TOO_LARGE')).toBe(1);
    expect(uploads(after, 'UNAUTHENTICATED') - uploads(before, 'UNAUTHENTICATED')).toBe(1);
    expect(responses(after, '206') - responses(before, '206')).toBe(1);
    expect(responses(after, '416') - responses(before, '416')).toBe(1);
    const served = (text: string) => value(text, 'library_file_bytes_served_total');
    expect(served(after) - served(before)).toBe(100);
  });
});
