import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS, looksExecutable } from '@portal/testing';
import { createArticleInput, plainTextField, tagKey, updateArticleInput } from './article-input';

describe('article input', () => {
  it('sanitizes the body and strips tags from plain fields, keeping the text as typed', () => {
    const parsed = createArticleInput.parse({
      title: '  <b>Hỏi & đáp</b> về   chữ ký số ',
      body: `<p>Nội dung</p>${XSS_PAYLOADS.join('')}`,
      kind: 'HANDBOOK',
      tags: ['Chữ ký số', 'chu-ky-so', 'An toàn thông tin'],
    });
    expect(parsed.title).toBe('Hỏi & đáp về chữ ký số');
    expect(looksExecutable(parsed.body)).toBe(false);
    expect(parsed.tags).toEqual(['Chữ ký số', 'An toàn thông tin']);
    expect(plainTextField('a &lt;b&gt; "c"')).toBe('a <b> "c"');
  });

  it('folds tags to one key', () => {
    expect(tagKey('Chuyển đổi số')).toBe(tagKey('chuyen DOI so'));
  });

  it('needs at least one change in an update and refuses nulls for required fields', () => {
    expect(updateArticleInput.safeParse({}).success).toBe(false);
    expect(updateArticleInput.safeParse({ title: null }).success).toBe(false);
    expect(updateArticleInput.safeParse({ summary: null }).success).toBe(true);
  });
});
