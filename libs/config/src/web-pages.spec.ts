import { describe, expect, it } from 'vitest';
import { webPages } from './web-pages';

describe('webPages', () => {
  it('builds every page link under the web front end base URL, encoded', () => {
    const pages = webPages('https://cds.hochiminhcity.gov.vn/');
    expect(pages.article('chuyen-doi-so')).toBe(
      'https://cds.hochiminhcity.gov.vn/bai-viet/chuyen-doi-so',
    );
    expect(pages.bulletinIssue(2026, 3)).toBe('https://cds.hochiminhcity.gov.vn/ban-tin/2026/03');
    expect(pages.thread('abc')).toBe('https://cds.hochiminhcity.gov.vn/dien-dan/abc');
    expect(pages.libraryItem('cam nang')).toBe(
      'https://cds.hochiminhcity.gov.vn/thu-vien/cam%20nang',
    );
    expect(pages.referralTracking('HL-7K3Q-9XD2')).toBe(
      'https://cds.hochiminhcity.gov.vn/tra-cuu-phan-anh?ma=HL-7K3Q-9XD2',
    );
    expect(pages.staffReferral('r1')).toBe('https://cds.hochiminhcity.gov.vn/quan-tri/phan-anh/r1');
    expect(pages.feedback()).toBe('https://cds.hochiminhcity.gov.vn/gop-y');
    expect(pages.monthlyReport('2026-11')).toBe(
      'https://cds.hochiminhcity.gov.vn/quan-tri/bao-cao/2026-11',
    );
    expect(pages.monthlyReportCsv('2026-11')).toBe(
      'https://cds.hochiminhcity.gov.vn/quan-tri/bao-cao/2026-11/csv',
    );
  });
});
