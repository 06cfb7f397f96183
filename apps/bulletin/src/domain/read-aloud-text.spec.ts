import { describe, expect, it } from 'vitest';
import { buildReadAloudText, htmlToSpeech, readAloudRecord, speakable } from './read-aloud-text';

describe('read-aloud text', () => {
  const source = {
    number: 7,
    year: 2025,
    month: 11,
    title: 'Dữ liệu mở cho người dân',
    editorial:
      '<p>Kính gửi quý lãnh đạo,</p><p>Tháng này <strong>TP.HCM</strong> ra mắt <a href="https://x.vn">cổng dữ liệu</a> &amp; nền tảng CĐS.</p><script>alert(1)</script>',
    sections: [
      {
        title: 'Chính sách',
        items: [
          { title: 'Nghị quyết mới', summary: 'Tóm tắt nghị quyết', note: null },
          { title: 'Kế hoạch 2026', summary: null, note: 'Đọc kỹ phần phụ lục' },
        ],
      },
      { title: 'Trống', items: [] },
      {
        title: 'Sự kiện',
        items: [{ title: 'Hội thảo AI', summary: '<p>Ngày 5/11</p>', note: null }],
      },
    ],
  };

  it('reads masthead, title, editorial, then sections and items in order', () => {
    const text = buildReadAloudText(source);
    const order = [
      'Bản tin Chuyển đổi số Thành phố Hồ Chí Minh, số 7, tháng 11 năm 2025.',
      'Dữ liệu mở cho người dân.',
      'Lời mở đầu.',
      'Kính gửi quý lãnh đạo,',
      'Chuyên mục: Chính sách.',
      'Bài 1: Nghị quyết mới. Tóm tắt nghị quyết.',
      'Bài 2: Kế hoạch 2026. Ghi chú của ban biên tập: Đọc kỹ phần phụ lục.',
      'Chuyên mục: Sự kiện.',
      'Bài 1: Hội thảo AI. Ngày 5/11.',
      'Bản tin số 7 đến đây là hết.',
    ];
    let from = 0;
    for (const part of order) {
      const at = text.indexOf(part, from);
      expect(at, part).toBeGreaterThanOrEqual(from);
      from = at + part.length;
    }
    expect(text).not.toContain('Trống');
  });

  it('is plain speech: no markup, no scripts, no links, entities decoded, abbreviations spoken', () => {
    const text = buildReadAloudText(source);
    expect(text).not.toMatch(/[<>]|&amp;|https?:|alert/);
    expect(text).toContain('Thành phố Hồ Chí Minh ra mắt cổng dữ liệu & nền tảng chuyển đổi số.');
  });

  it('turns block elements into separate spoken paragraphs', () => {
    expect(htmlToSpeech('<h2>Một</h2><ul><li>hai</li><li>ba!</li></ul>Bốn<br>năm')).toEqual([
      'Một.',
      'hai.',
      'ba!',
      'Bốn.',
      'năm.',
    ]);
  });

  it('keeps words that merely contain an abbreviation', () => {
    expect(speakable('UBNDX và UBND quận 1')).toBe('UBNDX và Ủy ban nhân dân quận 1.');
  });
});

describe('readAloudRecord', () => {
  it('keeps the text in Vietnamese, with its audio once rendered or why there is none', () => {
    const none = { audioFile: null, durationSeconds: null, audioError: null };
    expect(readAloudRecord('Xin chào')).toEqual({ text: 'Xin chào', language: 'vi', ...none });
    expect(readAloudRecord('Xin chào', { ok: true, file: 'a.mp3', durationSeconds: 3 })).toEqual({
      text: 'Xin chào',
      language: 'vi',
      audioFile: 'a.mp3',
      durationSeconds: 3,
      audioError: null,
    });
    expect(readAloudRecord('Xin chào', { ok: false, reason: 'no espeak-ng' })).toEqual({
      text: 'Xin chào',
      language: 'vi',
      audioFile: null,
      durationSeconds: null,
      audioError: 'no espeak-ng',
    });
  });
});
