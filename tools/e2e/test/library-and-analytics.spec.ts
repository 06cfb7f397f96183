// Files go in and out through the gateway; article views come back as statistics.
import { describe, expect, it } from 'vitest';
import { baseUrl, person, run, waitUntil } from './support/portal';

/** A small valid one-page PDF with a correct cross-reference table. */
function pdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body);
}

const PDF = pdf();

describe('the library through the gateway', () => {
  it('uploads a file, publishes an item with it, and serves it back byte for byte, with ranges', async () => {
    const editor = await person('editor');
    const form = new FormData();
    form.append(
      'file',
      new Blob([PDF], { type: 'application/octet-stream' }),
      'Sơ đồ hệ thống.pdf',
    );
    const upload = await fetch(`${baseUrl}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.bearer}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { file } = (await upload.json()) as { file: { id: string; mimeType: string } };
    expect(file.mimeType).toBe('application/pdf');

    const anonymous = await fetch(`${baseUrl}/uploads`, { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);

    const { createLibraryItem } = await run(
      'CreateLibraryItem',
      {
        input: {
          title: `Sơ đồ hệ thống thông tin dùng chung ${Date.now()}`,
          format: 'DOCUMENT',
          fileIds: [file.id],
          topics: ['dữ liệu'],
        },
      },
      editor,
    );
    await run('PublishLibraryItem', { id: createLibraryItem.id }, editor);
    const { libraryItem } = await run('LibraryItemPage', { slug: createLibraryItem.slug });
    expect(libraryItem.files).toHaveLength(1);

    const download = await fetch(libraryItem.files[0].url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    const range = await fetch(libraryItem.files[0].url, { headers: { range: 'bytes=0-7' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(PDF.subarray(0, 8))).toBe(true);
  });
});

describe('article views and statistics', () => {
  it('counts a view from a reader and reports it to editors', async () => {
    const editor = await person('editor');
    const { createArticle } = await run(
      'CreateArticle',
      {
        input: {
          title: `Hướng dẫn cài đặt VNeID ${Date.now()}`,
          body: '<p>Các bước cài đặt.</p>',
          kind: 'HANDBOOK',
        },
      },
      editor,
    );
    await run('PublishArticle', { id: createArticle.id }, editor);

    const from = new Date(Date.now() - 24 * 3600_000).toISOString();
    const to = new Date(Date.now() + 24 * 3600_000).toISOString();
    const mobileViews = async () => {
      const { contentStats } = await run('ContentStats', { from, to }, editor);
      return (
        contentStats.byDevice.find((d: { device: string }) => d.device === 'MOBILE')?.views ?? 0
      );
    };
    const before = await mobileViews();
    expect(
      (await run('RecordArticleView', { id: createArticle.id, device: 'MOBILE' }))
        .recordArticleView,
    ).toBe(true);
    const { article } = await run('ArticlePage', { slug: createArticle.slug });
    expect(article.viewCount).toBe(1);
    // The counter reaches the statistics when the content worker flushes it.
    await waitUntil(async () => (await mobileViews()) > before, {
      what: 'the view to reach the statistics',
      timeoutMs: 90_000,
      intervalMs: 1000,
    });
  });
});
