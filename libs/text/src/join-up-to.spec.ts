import { describe, expect, it } from 'vitest';
import { joinUpTo } from './join-up-to';

describe('joinUpTo', () => {
  it('fills each run up to the width, keeps a longer piece whole, and skips empty input', () => {
    expect(joinUpTo('Cổng dịch vụ công trực tuyến của Thành phố'.split(' '), 12)).toEqual([
      'Cổng dịch vụ',
      'công trực',
      'tuyến của',
      'Thành phố',
    ]);
    expect(joinUpTo(['ngắn', 'một-từ-rất-dài-vượt-quá', 'x'], 8)).toEqual([
      'ngắn',
      'một-từ-rất-dài-vượt-quá',
      'x',
    ]);
    expect(joinUpTo([], 10)).toEqual([]);
  });
});
