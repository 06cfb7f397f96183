import { describe, expect, it } from 'vitest';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import {
  addItemArgs,
  createIssueInput,
  issueLookupArgs,
  scheduleArgs,
  subscribeArgs,
} from './issue-input';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    return ((err as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);
  }
  return [];
};

describe('bulletin input models', () => {
  it('names every bad field of an issue at once', () => {
    expect(
      fieldsOf(() => parseInput(createIssueInput, { year: 1999, month: 13, title: ' x ' })),
    ).toEqual(['input.year', 'input.month', 'input.title']);
    expect(
      parseInput(createIssueInput, { year: 2025, month: 1, title: '  Bản   tin ' }).title,
    ).toBe('Bản tin');
  });

  it('takes an issue by id or by year and month, not both', () => {
    expect(fieldsOf(() => parseArgs(issueLookupArgs, {}))).toEqual(['id']);
    expect(fieldsOf(() => parseArgs(issueLookupArgs, { id: 'a'.repeat(24), year: 2025 }))).toEqual([
      'id',
    ]);
    expect(fieldsOf(() => parseArgs(issueLookupArgs, { year: 2025 }))).toEqual(['month']);
    expect(parseArgs(issueLookupArgs, { year: 2025, month: 3 })).toMatchObject({ year: 2025 });
  });

  it('schedules in the future only, and normalizes e-mail and notes', () => {
    const now = new Date('2025-11-01T00:00:00Z');
    expect(fieldsOf(() => parseArgs(scheduleArgs(now), { id: 'a'.repeat(24), at: now }))).toEqual([
      'at',
    ]);
    expect(parseArgs(subscribeArgs, { email: ' An@Example.VN ' }).email).toBe('an@example.vn');
    expect(fieldsOf(() => parseArgs(subscribeArgs, { email: 'not-mail' }))).toEqual(['email']);
    expect(
      parseArgs(addItemArgs, {
        issueId: 'a'.repeat(24),
        section: ' Tin  mới ',
        articleId: 'x1',
        note: '  ',
      }),
    ).toEqual({ issueId: 'a'.repeat(24), section: 'Tin mới', articleId: 'x1', note: null });
  });
});
