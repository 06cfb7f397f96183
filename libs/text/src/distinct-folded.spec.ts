import { describe, expect, it } from 'vitest';
import { distinctFolded } from './distinct-folded';

describe('distinctFolded', () => {
  it('keeps the first spelling of texts that fold to one slug, in order', () => {
    expect(
      distinctFolded(['Chuyển đổi số', 'An toàn', 'chuyen-doi-so', 'AN TOÀN', 'Y tế']),
    ).toEqual(['Chuyển đổi số', 'An toàn', 'Y tế']);
  });

  it('folds by the key it is given', () => {
    expect(distinctFolded(['ab', 'AB', 'b'], (t) => t.length.toString())).toEqual(['ab', 'b']);
  });
});
