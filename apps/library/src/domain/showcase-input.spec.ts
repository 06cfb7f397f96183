import { describe, expect, it } from 'vitest';
import { parseInput } from '@portal/graphql-kit';
import {
  awardRank,
  createShowcaseInput,
  newShowcaseFields,
  updateShowcaseInput,
} from './showcase-input';
import { applyUpdate } from './input-fields';

const input = {
  title: '  Trợ lý <i>ảo</i> ',
  description: 'Mô tả',
  award: 'SECOND',
  year: 2024,
  team: [{ name: 'Nhóm A' }],
  category: 'HEALTH',
  tryItUrl: 'https://a.example.vn',
};

describe('showcase input', () => {
  it('orders awards first prize first', () => {
    expect(
      ['SPECIAL', 'FIRST', 'CONSOLATION', 'THIRD', 'SECOND'].map((a) => awardRank(a as never)),
    ).toEqual([5, 1, 4, 3, 2]);
  });

  it('fills defaults and strips markup', () => {
    const fields = newShowcaseFields(parseInput(createShowcaseInput, input));
    expect(fields).toMatchObject({
      title: 'Trợ lý ảo',
      contestName: 'AI-Challenge TP.HCM',
      tryItKind: 'APP',
      awardTitle: null,
      demoVideoItemId: null,
      team: [{ name: 'Nhóm A', role: null }],
    });
  });

  it('leaves out fields that are not given, clears optional ones given as null, refuses null for required ones', () => {
    const current = newShowcaseFields(
      parseInput(createShowcaseInput, { ...input, awardTitle: 'Giải Nhì' }),
    );
    const next = applyUpdate(
      current,
      parseInput(updateShowcaseInput, { year: 2025, awardTitle: null }),
    );
    expect(next).toEqual({ ...current, year: 2025, awardTitle: null });
    expect(() => parseInput(updateShowcaseInput, { title: null })).toThrow(/must not be null/);
  });
});
