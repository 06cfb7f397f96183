import { describe, expect, it } from 'vitest';
import { distinctBy } from './distinct-by';
import { slugify } from './fold';

describe('distinctBy', () => {
  it('keeps the first of the items whose keys repeat, in order', () => {
    expect(distinctBy(['Chuyển đổi số', 'AI', 'chuyen-doi-so', 'ai', 'Dữ liệu'], slugify)).toEqual([
      'Chuyển đổi số',
      'AI',
      'Dữ liệu',
    ]);
    expect(distinctBy([], slugify)).toEqual([]);
  });
});
