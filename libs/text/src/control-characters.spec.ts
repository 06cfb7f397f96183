import { describe, expect, it } from 'vitest';
import {
  hasControlCharacters,
  singleLine,
  stripControlCharacters,
  stripControlCharactersDeep,
} from './control-characters';

describe('stripControlCharacters', () => {
  it.each([
    ['NUL', 'a\u0000b', 'ab'],
    ['ESC sequence', 'red\u001b[31mtext', 'red[31mtext'],
    ['DEL', 'a\u007fb', 'ab'],
    ['C1 (CSI)', 'a\u009bb', 'ab'],
    ['right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['isolates', '\u2066x\u2069', 'x'],
    ['marks', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
    ['line separator', 'a\u2028b', 'a\nb'],
  ])('removes %s', (_, input, expected) => {
    expect(stripControlCharacters(input)).toBe(expected);
    expect(hasControlCharacters(input)).toBe(true);
  });

  it('keeps Vietnamese, emoji with joiners, tabs and line breaks', () => {
    const text = 'Chuyển đổi số\tđô thị\r\n👩‍💻 ok';
    expect(stripControlCharacters(text)).toBe(text);
    expect(hasControlCharacters(text)).toBe(false);
  });

  it('cleans every string of an input object, leaving other values alone', () => {
    const date = new Date(0);
    expect(
      stripControlCharactersDeep({ a: 'x\u0000', b: ['\u202Ey', 3], c: { d: null, e: date } }),
    ).toEqual({ a: 'x', b: ['y', 3], c: { d: null, e: date } });
  });

  it('singleLine folds line breaks and runs of space', () => {
    expect(singleLine(' a\n\u0007b\t c ')).toBe('a b c');
  });
});
