import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS, looksExecutable } from '@portal/testing';
import {
  bodyExcerpt,
  cleanLine,
  contentFingerprint,
  countLinks,
  hasText,
  plainTextToHtml,
  renderBody,
} from './body';

/** The markup of some HTML without its text (text between tags is escaped, hence inert). */
function tagsOnly(html: string): string {
  return html.replace(/>[^<]*</g, '><').replace(/^[^<]*|[^>]*$/g, '');
}

describe('renderBody', () => {
  it.each(XSS_PAYLOADS)('neutralises %s in every format', (payload) => {
    expect(looksExecutable(renderBody(`<p>Góp ý</p>${payload}`, 'HTML'))).toBe(false);
    // Markdown may keep a payload as escaped text (`&lt;IMG SRC=javascript:…&gt;`), which is
    // inert: only the tags themselves must be harmless.
    for (const md of [`Góp ý\n\n${payload}`, `[liên kết](${payload})`])
      expect(looksExecutable(tagsOnly(renderBody(md, 'MARKDOWN'))), md).toBe(false);
    // Plain text keeps the payload as inert text: no markup but paragraphs and breaks.
    const plain = renderBody(payload, 'PLAIN').replace(/<\/?p>|<br \/>/g, '');
    expect(plain).not.toContain('<');
  });

  it('keeps paragraphs and line breaks of plain text, escaped', () => {
    expect(plainTextToHtml('Dòng 1\nDòng 2\n\n<b>Đoạn</b> 2')).toBe(
      '<p>Dòng 1<br />Dòng 2</p><p>&lt;b&gt;Đoạn&lt;/b&gt; 2</p>',
    );
    expect(renderBody('a & b', 'PLAIN')).toBe('<p>a &amp; b</p>');
  });

  it('renders Markdown: headings, emphasis, lists, tables, links, line breaks', () => {
    const html = renderBody(
      [
        '## Đề xuất',
        'Dòng một',
        'Dòng hai',
        '',
        '1. **Số hóa** hồ sơ',
        '2. ~~Giấy tờ~~ bản điện tử',
        '',
        '| Quận | Hồ sơ |',
        '|---|---|',
        '| 1 | 120 |',
        '',
        'Xem https://cds.hochiminhcity.gov.vn và [hướng dẫn](https://a.vn/hd "Hướng dẫn").',
      ].join('\r\n'),
      'MARKDOWN',
    );
    expect(html).toContain('<h2>Đề xuất</h2>');
    expect(html).toContain('<p>Dòng một<br />Dòng hai</p>');
    expect(html).toMatch(
      /<ol>\s*<li><strong>Số hóa<\/strong> hồ sơ<\/li>\s*<li><del>Giấy tờ<\/del>/,
    );
    expect(html).toMatch(/<table>[\s\S]*<th>Quận<\/th>[\s\S]*<td>120<\/td>/);
    expect(html).toContain('<a href="https://cds.hochiminhcity.gov.vn"');
    expect(html).toContain('<a href="https://a.vn/hd" title="Hướng dẫn"');
    expect(countLinks(html)).toBe(2);
  });

  it('drops unsafe links and raw markup inside Markdown', () => {
    const html = renderBody(
      '[x](javascript:alert(1)) <script>alert(1)</script> ![a](x" onerror="alert(1))',
      'MARKDOWN',
    );
    expect(looksExecutable(tagsOnly(html))).toBe(false);
    expect(tagsOnly(html)).not.toMatch(/javascript:|<script|onerror=/i);
    expect(html).toContain('<a rel="noopener noreferrer nofollow">x</a>');
  });

  it('keeps allowed rich text', () => {
    expect(renderBody('<p><strong>Đề xuất</strong> số 1</p>', 'HTML')).toBe(
      '<p><strong>Đề xuất</strong> số 1</p>',
    );
  });
});

describe('cleanLine', () => {
  it('strips markup and collapses whitespace', () => {
    expect(cleanLine('  <b>Số hóa</b>\n  hồ sơ <script>x</script> ')).toBe('Số hóa hồ sơ');
  });
});

describe('countLinks', () => {
  it('counts distinct anchors and written-out URLs', () => {
    const html = renderBody(
      '<p><a href="https://a.vn/x">a</a> và https://a.vn/x, www.b.vn và http://c.vn/d.</p>',
      'HTML',
    );
    expect(countLinks(html)).toBe(3);
    expect(countLinks('<p>Không có liên kết nào</p>')).toBe(0);
  });
});

describe('contentFingerprint', () => {
  it('ignores accents, case, punctuation and markup', () => {
    expect(contentFingerprint('<p>Chuyển đổi số!</p>')).toBe(contentFingerprint('chuyen DOI   so'));
    expect(contentFingerprint('Chuyển đổi số')).not.toBe(contentFingerprint('Chuyển đổi'));
  });
});

describe('hasText and bodyExcerpt', () => {
  it('sees empty markup as empty', () => {
    expect(hasText('<p> </p>')).toBe(false);
    expect(hasText('<p>x</p>')).toBe(true);
  });
  it('cuts long text at a word', () => {
    expect(bodyExcerpt('<p>một hai ba bốn năm</p>', 10)).toBe('một hai…');
  });
});
