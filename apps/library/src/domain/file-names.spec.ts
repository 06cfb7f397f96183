import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { asciiFileName, cleanFileName, contentDispositionFor } from './file-names';

describe('file names', () => {
  it('keeps Vietnamese names and a matching extension', () => {
    expect(cleanFileName('Cẩm nang chuyển đổi số.pdf', 'pdf')).toBe('Cẩm nang chuyển đổi số.pdf');
    expect(cleanFileName('Ảnh.JPEG', 'jpg')).toBe('Ảnh.jpeg');
  });

  it('gives the extension of what the content is', () => {
    expect(cleanFileName('bao-cao.exe', 'pdf')).toBe('bao-cao.pdf');
    expect(cleanFileName('video', 'mp4')).toBe('video.mp4');
    expect(cleanFileName('Kế hoạch 2025.v2', 'docx')).toBe('Kế hoạch 2025.docx');
  });

  it('drops paths, control and bidi-override characters, and names nameless files', () => {
    expect(cleanFileName('C:\\Users\\an\\..\\tai-lieu.pdf', 'pdf')).toBe('tai-lieu.pdf');
    expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(cleanFileName('hoa\u202eFDP.exe', 'pdf')).toBe('hoa FDP.pdf');
    expect(cleanFileName('a\nb\u0000c.pdf', 'pdf')).toBe('a b c.pdf');
    expect(cleanFileName('', 'png')).toBe('tep-tin.png');
    expect(cleanFileName(undefined, 'png')).toBe('tep-tin.png');
    expect(cleanFileName('...', 'png')).toBe('tep-tin.png');
  });

  it('caps long names without splitting a character', () => {
    const name = cleanFileName(`${'Đường'.repeat(100)}.pdf`, 'pdf');
    expect([...name].length).toBeLessThanOrEqual(180);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('writes Content-Disposition that round-trips the Vietnamese name with an ASCII fallback', () => {
    expect(asciiFileName('Cẩm nang ĐTĐ "mới".pdf')).toBe('Cam nang DTD _moi_.pdf');
    const header = contentDispositionFor('Báo cáo năm 2025.pdf', 'attachment');
    expect(header).toContain('filename="Bao cao nam 2025.pdf"');
    const parsed = parse(header);
    expect(parsed.type).toBe('attachment');
    // The parser prefers filename* (RFC 5987) over the fallback, as browsers do.
    expect(parsed.parameters.filename).toBe('Báo cáo năm 2025.pdf');
    expect(contentDispositionFor('report.pdf', 'inline')).toBe('inline; filename=report.pdf');
  });
});
