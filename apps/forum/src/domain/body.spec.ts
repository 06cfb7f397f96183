import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS, looksExecutable } from '@portal/html';
import {
  bodyExcerpt,
  cleanLine,
  contentFingerprint,
  countLinks,
  hasText,
  plainTextToHtml,
  renderBody,
} from './body';

describe('renderBody', () => {
  it.each(XSS_PAYLOADS)('neutralises %s in both formats', (payload) => {
    expect(looksExecutable(renderBody(`<p>Góp ý</p>${payload}`, 'HTML'))).toBe(false);
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
