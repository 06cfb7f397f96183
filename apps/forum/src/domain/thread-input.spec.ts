import { describe, expect, it } from 'vitest';
import { createThreadInput, editThreadInput, noteInput, sanitizedBody } from './thread-input';

describe('thread input', () => {
  it('cleans titles and tags into plain text, de-duplicating tags by their folded form', () => {
    const input = createThreadInput.parse({
      title: '  <b>Đề xuất</b>   số hóa &amp; kết nối ',
      body: 'x',
      kind: 'PROPOSAL',
      tags: ['Y tế số', 'y te so', ' Dữ liệu '],
    });
    expect(input.title).toBe('Đề xuất số hóa & kết nối');
    expect(input.tags).toEqual(['y tế số', 'dữ liệu']);
  });

  it('reports every bad field', () => {
    const result = createThreadInput.safeParse({
      title: 'ab',
      body: '   ',
      kind: 'RANT',
      categoryId: 'nope',
      tags: ['x'.repeat(41)],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'body', 'kind', 'categoryId', 'tags.0']),
    );
  });

  it('needs something to edit', () => {
    expect(editThreadInput.safeParse({}).success).toBe(false);
    expect(editThreadInput.safeParse({ tags: [] }).success).toBe(true);
  });

  it('refuses a body with no text left once sanitized, naming the field', () => {
    expect(sanitizedBody('<script>x</script><p> </p>', 'HTML', 'input.body')).toEqual({
      ok: false,
      field: 'input.body',
      message: 'has no text once sanitized',
    });
    expect(sanitizedBody('<p>ok</p>', null, 'body')).toEqual({ ok: true, html: '<p>ok</p>' });
  });

  it('turns empty notes into null', () => {
    expect(noteInput.parse('  ')).toBeNull();
    expect(noteInput.parse(undefined)).toBeNull();
    expect(noteInput.parse('<i>Spam</i>')).toBe('Spam');
  });
});
