import { describe, expect, it } from 'vitest';
import { inferType, previewKind } from '../catalog/preview';
import { chunkText, indexTerms, queryTerms, queryWords } from '../retrieval/terms';
import { isFollowUp } from './ask-input';
import { checkSentences } from './support-check';
import { matchRows, tableIntent } from './table-query';

const COLUMNS = ['ma', 'ten', 'quan_huyen'];
const ROWS = [
  ['1', 'Công viên 30/4', 'Quận 1'],
  ['2', 'Chợ Bến Thành', 'Quận 1'],
  ['3', 'Hồ Con Rùa', 'Quận 3'],
  ['4', 'Chợ Bình Điền', 'Quận 10'],
];

describe('table questions', () => {
  it('tells count and list questions from others, in Vietnamese and English', () => {
    expect(tableIntent('Có bao nhiêu điểm Wi-Fi ở Quận 1?')).toBe('COUNT');
    expect(tableIntent('How many Wi-Fi points are in District 1?')).toBe('COUNT');
    expect(tableIntent('Liệt kê các điểm Wi-Fi ở Quận 3')).toBe('LIST');
    expect(tableIntent('Làm thế nào để nộp hồ sơ trực tuyến?')).toBeNull();
  });

  it('filters on the value the question names as whole words (Quận 1, not Quận 10)', () => {
    const one = matchRows('Có bao nhiêu điểm Wi-Fi ở quan 1?', COLUMNS, ROWS, 'Điểm Wi-Fi');
    expect(one.filters).toEqual([{ column: 'quan_huyen', value: 'Quận 1' }]);
    expect(one.rows).toEqual([0, 1]);
    expect(
      matchRows('How many Wi-Fi points in District 10?', COLUMNS, ROWS, 'Điểm Wi-Fi').rows,
    ).toEqual([3]);
    // A place the table does not hold is not a filter: the words stay unexplained.
    const unknown = matchRows('Có bao nhiêu điểm Wi-Fi ở Nhà Bè?', COLUMNS, ROWS, 'Điểm Wi-Fi');
    expect(unknown.filters).toEqual([]);
    expect(unknown.unexplained).toEqual(['nha', 'be']);
  });
});

describe('support check of generated sentences', () => {
  const passages = [
    'Cổng dịch vụ công tích hợp hơn 1.800 thủ tục hành chính.',
    'Lệ phí thanh toán trực tuyến.',
  ];

  it('accepts sentences whose cited passage holds their words and numbers', () => {
    const [s] = checkSentences(
      'Cổng dịch vụ công tích hợp hơn 1.800 thủ tục hành chính [1].',
      passages,
    );
    expect(s).toMatchObject({ supported: true, citations: [1] });
  });

  it('refuses an uncited sentence, a wrong number, a citation out of range, or unsupported words', () => {
    expect(
      checkSentences('Cổng dịch vụ công tích hợp hơn 1.800 thủ tục.', passages)[0]!.supported,
    ).toBe(false);
    expect(
      checkSentences('Cổng dịch vụ công tích hợp hơn 2.500 thủ tục hành chính [1].', passages)[0]!
        .supported,
    ).toBe(false);
    expect(checkSentences('Lệ phí thanh toán trực tuyến [3].', passages)[0]!.supported).toBe(false);
    expect(
      checkSentences('Lệ phí được miễn hoàn toàn cho mọi người dân [2].', passages)[0]!.supported,
    ).toBe(false);
  });
});

describe('text for retrieval', () => {
  it('folds words and adds adjacent pairs', () => {
    expect(indexTerms('Chuyển đổi số')).toEqual(['chuyen', 'doi', 'so', 'chuyen_doi', 'doi_so']);
    expect(queryWords('Có bao nhiêu điểm Wi-Fi?')).toEqual(['diem', 'wi', 'fi']);
    expect(queryTerms('chuyển đổi số là gì')).toContain('chuyen_doi');
  });

  it('cuts passages at sentence ends', () => {
    const text = 'Câu một dài. '.repeat(40);
    const chunks = chunkText(text, 100);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.endsWith('.')).toBe(true);
  });

  it('recognizes follow-ups', () => {
    expect(isFollowUp('Còn Quận 3 thì sao?', 2)).toBe(true);
    expect(isFollowUp('Kế hoạch chuyển đổi số năm 2026 gồm những mục tiêu nào?', 6)).toBe(false);
  });
});

describe('previews', () => {
  it('infers column types from the values read', () => {
    expect(inferType(['1', '22', ''])).toBe('INTEGER');
    expect(inferType(['1.5', '2'])).toBe('NUMBER');
    expect(inferType(['true', 'FALSE'])).toBe('BOOLEAN');
    expect(inferType(['2026-01-05', '2026-03-01T09:30:00Z'])).toBe('DATE');
    expect(inferType(['Quận 1', '2'])).toBe('STRING');
  });

  it('previews CSV and JSON only', () => {
    expect(previewKind('CSV', 'x')).toBe('CSV');
    expect(previewKind('', 'https://x/a.json')).toBe('JSON');
    expect(previewKind('XLSX', 'https://x/a.xlsx')).toBeNull();
  });
});
