import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { asciiFileName } from '../domain/file-names';
import { zip } from './zip';

/**
 * Small, structurally valid files of the types the library accepts, generated in code
 * (for the demo seed and the tests), plus short real audio/video clips kept in
 * `assets/samples` (see the README for how they were made).
 */

function pdfString(text: string): string {
  return `(${asciiFileName(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** UTF-16BE text string, so PDF metadata keeps Vietnamese accents. */
function pdfUnicode(text: string): string {
  const utf16 = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  return `<FEFF${utf16}>`;
}

export interface PdfOptions {
  title: string;
  /** Lines of text per page (page text is ASCII: the standard PDF fonts have no Vietnamese glyphs). */
  pages: string[][];
  /** Pads the file to at least this size with an unreferenced binary stream. */
  minBytes?: number;
}

/** A valid PDF 1.4: one Helvetica text page per entry of `pages`, with a correct xref table. */
export function samplePdf(options: PdfOptions): Buffer {
  const objects: string[] = [];
  const pageCount = Math.max(1, options.pages.length);
  const pages = options.pages.length ? options.pages : [[options.title]];
  // 1 catalog, 2 pages, 3 font, 4 info, then a page and a content stream per page.
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${pdfUnicode(options.title)} /Producer (HCMC DX Portal library seed) >>`;
  pages.forEach((lines, i) => {
    const content = [
      'BT',
      '/F1 16 Tf',
      '56 780 Td',
      `${pdfString(i === 0 ? options.title : `${options.title} (${i + 1})`)} Tj`,
      '/F1 11 Tf',
      ...lines.flatMap((line) => ['0 -22 Td', `${pdfString(line)} Tj`]),
      'ET',
    ].join('\n');
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] =
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    push(Buffer.from(`${id} 0 obj\n${objects[id]}\nendobj\n`, 'latin1'));
  }
  let size = objects.length;
  if (options.minBytes && length < options.minBytes) {
    const padding = pseudoRandomBytes(options.minBytes - length, options.title);
    offsets[size] = length;
    push(Buffer.from(`${size} 0 obj\n<< /Length ${padding.length} >>\nstream\n`, 'latin1'));
    push(padding);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    size++;
  }
  const xrefAt = length;
  const xref = [
    'xref',
    `0 ${size}`,
    '0000000000 65535 f ',
    ...offsets.slice(1, size).map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${size} /Root 1 0 R /Info 4 0 R >>`,
    'startxref',
    String(xrefAt),
    '%%EOF',
    '',
  ].join('\n');
  push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid RGB PNG: a diagonal gradient in the given hue (0–360). */
export function samplePng(options: { width: number; height: number; hue?: number }): Buffer {
  const { width, height } = options;
  const [r, g, b] = hueToRgb(options.hue ?? 210);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0 (none), then RGB
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height);
      row[1 + x * 3] = Math.round(255 - (255 - r) * t);
      row[2 + x * 3] = Math.round(255 - (255 - g) * t);
      row[3 + x * 3] = Math.round(255 - (255 - b) * t);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function hueToRgb(hue: number): [number, number, number] {
  const h = ((hue % 360) + 360) % 360;
  const x = Math.round(255 * (1 - Math.abs(((h / 60) % 2) - 1)));
  const table: [number, number, number][] = [
    [255, x, 0],
    [x, 255, 0],
    [0, 255, x],
    [0, x, 255],
    [x, 0, 255],
    [255, 0, x],
  ];
  return table[Math.floor(h / 60)]!;
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/**
 * An ISO base media (MP4) file: `ftyp` (isom), `moov` with a movie header, and an `mdat`
 * of `payloadBytes` bytes. Structurally valid, not playable: for upload and range tests.
 */
export function sampleMp4(options: { payloadBytes: number; seed?: string }): Buffer {
  const ftyp = box(
    'ftyp',
    Buffer.from('isom', 'latin1'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2avc1mp41', 'latin1'),
  );
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(5000, 16); // duration: 5 s
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  for (const [i, v] of [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].entries())
    mvhd.writeUInt32BE(v, 36 + i * 4); // identity matrix
  mvhd.writeUInt32BE(2, 96); // next track id
  return Buffer.concat([
    ftyp,
    box('moov', box('mvhd', mvhd)),
    box('mdat', pseudoRandomBytes(options.payloadBytes, options.seed ?? 'mp4')),
  ]);
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A minimal Word document (WordprocessingML) Word and LibreOffice open. */
export function sampleDocx(options: { title: string; paragraphs: string[] }): Buffer {
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'docProps/core.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xml(options.title)}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph(options.title, 'Title')}${options.paragraphs.map((p) => paragraph(p)).join('')}</w:body></w:document>`,
    },
  ]);
}

/** A minimal EPUB 3 book, one XHTML chapter per entry. */
export function sampleEpub(options: {
  id: string;
  title: string;
  author: string;
  chapters: { title: string; paragraphs: string[] }[];
}): Buffer {
  const chapterFile = (i: number) => `chuong-${i + 1}.xhtml`;
  const xhtml = (title: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="vi" lang="vi"><head><title>${xml(title)}</title></head><body>${body}</body></html>`;
  return zip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    {
      name: 'META-INF/container.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    },
    {
      name: 'OEBPS/content.opf',
      data:
        `<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="vi">` +
        `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:hcmc-dx-portal:${xml(options.id)}</dc:identifier>` +
        `<dc:title>${xml(options.title)}</dc:title><dc:creator>${xml(options.author)}</dc:creator><dc:language>vi</dc:language>` +
        `<meta property="dcterms:modified">2025-01-01T00:00:00Z</meta></metadata><manifest>` +
        `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>` +
        options.chapters
          .map(
            (_, i) =>
              `<item id="c${i + 1}" href="${chapterFile(i)}" media-type="application/xhtml+xml"/>`,
          )
          .join('') +
        `</manifest><spine>${options.chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('')}</spine></package>`,
    },
    {
      name: 'OEBPS/nav.xhtml',
      data: xhtml(
        options.title,
        `<nav epub:type="toc"><h1>${xml(options.title)}</h1><ol>${options.chapters
          .map((c, i) => `<li><a href="${chapterFile(i)}">${xml(c.title)}</a></li>`)
          .join('')}</ol></nav>`,
      ),
    },
    ...options.chapters.map((chapter, i) => ({
      name: `OEBPS/${chapterFile(i)}`,
      data: xhtml(
        chapter.title,
        `<h1>${xml(chapter.title)}</h1>${chapter.paragraphs.map((p) => `<p>${xml(p)}</p>`).join('')}`,
      ),
    })),
  ]);
}

/** Deterministic filler bytes (reproducible samples; distinct seeds give distinct content). */
export function pseudoRandomBytes(length: number, seed: string): Buffer {
  const out = Buffer.alloc(Math.max(0, length));
  let state = crc32(seed) || 1;
  for (let i = 0; i < out.length; i++) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

/** Short real clips made with ffmpeg and espeak-ng (see the README). */
export const MEDIA_SAMPLES = {
  videoMp4: 'gioi-thieu-thu-vien-so.mp4',
  videoWebm: 'gioi-thieu-thu-vien-so.webm',
  audioMp3: 'loi-chao-thu-vien-so.mp3',
  audioM4a: 'loi-chao-thu-vien-so.m4a',
} as const;

export function mediaSample(name: (typeof MEDIA_SAMPLES)[keyof typeof MEDIA_SAMPLES]): Buffer {
  const candidates = [
    join(import.meta.dirname, '..', '..', 'assets', 'samples', name),
    join(import.meta.dirname, 'assets', 'samples', name),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`sample ${name} not found (looked in ${candidates.join(', ')})`);
  return readFileSync(found);
}
