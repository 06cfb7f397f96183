import { describe, expect, it } from 'vitest';
import { escapeHtml, sanitizeRichText, stripAllTags } from './sanitize';
import { XSS_PAYLOADS, looksExecutable } from '@portal/testing';

describe('sanitizeRichText', () => {
  it.each(XSS_PAYLOADS)('neutralises %s', (payload) => {
    const out = sanitizeRichText(`<p>Nội dung</p>${payload}`);
    expect(looksExecutable(out)).toBe(false);
  });

  it('keeps the allowed structure of an editor article', () => {
    const html =
      '<h2>Mục tiêu</h2><p>Đến năm <strong>2025</strong>, <em>100%</em> hồ sơ <a href="https://dichvucong.gov.vn">trực tuyến</a>.</p>' +
      '<ul><li>Hạ tầng số</li></ul><table><tr><th>Chỉ tiêu</th><td>95%</td></tr></table>' +
      '<img src="https://cdn.example.vn/a.png" alt="Ảnh">';
    const out = sanitizeRichText(html);
    expect(out).toContain('<h2>Mục tiêu</h2>');
    expect(out).toContain('<strong>2025</strong>');
    expect(out).toContain('href="https://dichvucong.gov.vn"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
    expect(out).toContain('<td>95%</td>');
    expect(out).toContain('<img src="https://cdn.example.vn/a.png" alt="Ảnh" />');
  });

  it('detector recognises live payloads (so the test above can fail)', () => {
    expect(looksExecutable('<img src=x onerror=alert(1)>')).toBe(true);
    expect(looksExecutable('<a href="javascript:alert(1)">x</a>')).toBe(true);
    expect(looksExecutable('<script>1</script>')).toBe(true);
  });

  it('strips every tag from plain fields and returns text, not escaped HTML', () => {
    expect(stripAllTags('<b>Tiêu đề</b><script>x</script>')).toBe('Tiêu đề');
    expect(stripAllTags('Điện & nước: "khẩn" <b>1 < 2</b>')).toBe('Điện & nước: "khẩn" 1 < 2');
  });

  it('keeps only images from the portal’s file storage in citizens’ text', () => {
    const html =
      '<p>a</p><img src="https://tracker.example.com/p.gif?u=1" alt="x">' +
      '<img src="http://10.0.0.5/intranet.png"><img src="//evil.example/p.gif">' +
      '<img src="/files/../admin"><img src="/uploads/x.png"><img src="/files/65f0c0ffee00000000000001" alt="Sơ đồ">';
    const out = sanitizeRichText(html, { images: 'portal-files' });
    expect(out).toBe('<p>a</p><img src="/files/65f0c0ffee00000000000001" alt="Sơ đồ" />');
    for (const payload of XSS_PAYLOADS)
      expect(looksExecutable(sanitizeRichText(payload, { images: 'portal-files' }))).toBe(false);
  });

  it('removes control characters and bidi overrides from rich and plain text', () => {
    expect(sanitizeRichText('<p>a\u0000b\u202Ec\u001b[0m</p>')).toBe('<p>abc[0m</p>');
    expect(stripAllTags('Tiêu\u0007 đề\u2066')).toBe('Tiêu đề');
  });

  it('escapes plain text for any HTML context', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co',
    );
  });
});
