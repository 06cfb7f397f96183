import { describe, expect, it } from 'vitest';
import { fold, slugify, slugWithSuffix, words } from './fold';
import { excerpt, plainText, queryTokens, rankScore, searchTokens } from './search';

describe('fold', () => {
  it.each([
    ['Chuyển đổi số', 'chuyen doi so'],
    ['ĐỀ ÁN PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU DÂN CƯ', 'de an phat trien ung dung du lieu dan cu'],
    ['Thành phố Hồ Chí Minh', 'thanh pho ho chi minh'],
    [
      'Cẩm nang Chuyển đổi số: Kỹ năng số cho người dân',
      'cam nang chuyen doi so: ky nang so cho nguoi dan',
    ],
    ['Ưu tiên đầu tư hạ tầng số', 'uu tien dau tu ha tang so'],
    ['Quận Gò Vấp, Thủ Đức', 'quan go vap, thu duc'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('treats precomposed and decomposed input the same', () => {
    expect(fold('Vie\u0302\u0323t Nam')).toBe(fold('Việt Nam'));
  });
});

describe('slugify', () => {
  it('folds real Vietnamese titles to ASCII slugs', () => {
    expect(slugify('TP.HCM ra mắt Cổng dịch vụ công trực tuyến mới')).toBe(
      'tp-hcm-ra-mat-cong-dich-vu-cong-truc-tuyen-moi',
    );
    expect(slugify('Bản tin Chuyển đổi số tháng 10/2025')).toBe(
      'ban-tin-chuyen-doi-so-thang-10-2025',
    );
    expect(slugify('Đề án 06: Dữ liệu dân cư, định danh và xác thực điện tử')).toBe(
      'de-an-06-du-lieu-dan-cu-dinh-danh-va-xac-thuc-dien-tu',
    );
  });

  it('cuts long titles at a word boundary and never returns empty', () => {
    const slug = slugify('Kế hoạch '.repeat(30), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify('!!! ???')).toBe('untitled');
    expect(slugWithSuffix('a', 1)).toBe('a');
    expect(slugWithSuffix('a', 3)).toBe('a-3');
  });
});

describe('search tokens', () => {
  it('lets "chuyen doi so" find "Chuyển đổi số"', () => {
    const doc = searchTokens('Hội nghị Chuyển đổi số TP.HCM năm 2025', '<p>Nội dung</p>');
    const q = queryTokens('chuyen doi so');
    expect(q.every((t) => doc.includes(t))).toBe(true);
    expect(words('đường Nguyễn Huệ')).toEqual(['duong', 'nguyen', 'hue']);
  });

  it('ranks a title phrase above scattered title words', () => {
    const query = queryTokens('chuyển đổi số');
    const phrase = rankScore({
      query,
      title: 'Chuyển đổi số quốc gia',
      titleTokens: searchTokens('Chuyển đổi số quốc gia'),
    });
    const scattered = rankScore({
      query,
      title: 'Số hóa: chuyển giao và đổi mới',
      titleTokens: searchTokens('Số hóa: chuyển giao và đổi mới'),
    });
    const bodyOnly = rankScore({ query, title: 'Tin tức', titleTokens: searchTokens('Tin tức') });
    expect(phrase).toBeGreaterThan(scattered);
    expect(scattered).toBeGreaterThan(bodyOnly);
  });

  it('strips HTML and cuts excerpts at words', () => {
    expect(plainText('<p>Xin <b>chào</b>&nbsp;TP.HCM</p><script>x()</script>')).toBe(
      'Xin chào TP.HCM',
    );
    expect(excerpt('một hai ba bốn năm sáu bảy tám', 14)).toBe('một hai ba…');
  });
});
