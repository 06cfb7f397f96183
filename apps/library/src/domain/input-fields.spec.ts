import { describe, expect, it } from 'vitest';
import { httpUrl, optionalText, requiredInUpdate, requiredText, textLine } from './input-fields';

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message);

describe('input fields', () => {
  it('keep text plain and measure it without markup', () => {
    expect(textLine(3, 10).parse('  <b>Sổ tay</b> ')).toBe('Sổ tay');
    expect(messages(textLine(3, 10).safeParse('<i>ab</i>'))).toEqual([
      'must be at least 3 characters',
    ]);
    expect(messages(textLine(3, 10).safeParse('x'.repeat(11)))).toEqual([
      'must be at most 10 characters',
    ]);
    expect(messages(requiredText(100).safeParse('  '))).toEqual(['must not be empty']);
    expect(optionalText(100).parse('   ')).toBeNull();
    expect(messages(optionalText(5).safeParse('dài quá'))).toEqual([
      'must be at most 5 characters',
    ]);
  });

  it('take web URLs only', () => {
    expect(httpUrl.parse('https://cds.example.vn/a')).toBe('https://cds.example.vn/a');
    expect(messages(httpUrl.safeParse('file:///etc/passwd'))).toEqual(['must be an http(s) URL']);
  });

  it('leave a required field unchanged when an update leaves it out, and refuse null', () => {
    const title = requiredInUpdate(textLine(3, 10));
    expect(title.parse(undefined)).toBeUndefined();
    expect(title.parse('Mới đây')).toBe('Mới đây');
    expect(messages(title.safeParse(null))).toEqual(['must not be null']);
  });
});
