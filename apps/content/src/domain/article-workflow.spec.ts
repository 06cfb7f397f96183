import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { ARTICLE_STATUSES } from './article-enums';
import {
  TRANSITIONS,
  assertCanEdit,
  assertCanPublish,
  assertCanReturnToDraft,
  assertTransition,
  canTransition,
  planPublish,
} from './article-workflow';
import { isVisibleTo } from './article-visibility';

const person = (id: string, ...roles: Viewer['roles']): Viewer => ({
  ...ANONYMOUS,
  id,
  roles: ['citizen', ...roles],
});
const contributor = person('c1', 'contributor');
const editor = person('e1', 'editor');
const admin = person('a1', 'admin');
const citizen = person('x1');

describe('transitions', () => {
  it('never publishes an archived article without going back to draft', () => {
    expect(canTransition('ARCHIVED', 'PUBLISHED')).toBe(false);
    expect(canTransition('ARCHIVED', 'SCHEDULED')).toBe(false);
    expect(canTransition('ARCHIVED', 'DRAFT')).toBe(true);
  });

  it('names the transition it refuses', () => {
    expect(() => assertTransition('ARCHIVED', 'PUBLISHED')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('ARCHIVED → PUBLISHED'),
      }),
    );
  });

  it('lists only known statuses, and no status moves to itself except a reschedule', () => {
    for (const from of ARTICLE_STATUSES) {
      for (const to of TRANSITIONS[from]) expect(ARTICLE_STATUSES).toContain(to);
      expect(canTransition(from, from)).toBe(from === 'SCHEDULED');
    }
  });
});

describe('rights', () => {
  const draftByC1 = { status: 'DRAFT' as const, author: { id: 'c1' } };
  it('lets a contributor edit only their own drafts', () => {
    expect(() => assertCanEdit(contributor, draftByC1)).not.toThrow();
    expect(() => assertCanEdit(contributor, { ...draftByC1, status: 'IN_REVIEW' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertCanEdit(person('c2', 'contributor'), draftByC1)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertCanEdit(editor, { ...draftByC1, status: 'PUBLISHED' })).not.toThrow();
    expect(() => assertCanEdit(citizen, draftByC1)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertCanEdit(ANONYMOUS, draftByC1)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('reserves publishing to editors and admins', () => {
    expect(() => assertCanPublish(editor)).not.toThrow();
    expect(() => assertCanPublish(admin)).not.toThrow();
    expect(() => assertCanPublish(contributor)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertCanPublish(ANONYMOUS)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('lets an author withdraw a submission but not unpublish', () => {
    expect(() =>
      assertCanReturnToDraft(contributor, { ...draftByC1, status: 'IN_REVIEW' }),
    ).not.toThrow();
    expect(() =>
      assertCanReturnToDraft(contributor, { ...draftByC1, status: 'PUBLISHED' }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('shows unpublished articles only to their author and editors', () => {
    for (const status of ARTICLE_STATUSES.filter((s) => s !== 'PUBLISHED')) {
      const a = { status, author: { id: 'c1' } };
      expect(isVisibleTo(ANONYMOUS, a)).toBe(false);
      expect(isVisibleTo(citizen, a)).toBe(false);
      expect(isVisibleTo(person('c2', 'contributor'), a)).toBe(false);
      expect(isVisibleTo(contributor, a)).toBe(true);
      expect(isVisibleTo(editor, a)).toBe(true);
    }
    expect(isVisibleTo(ANONYMOUS, { status: 'PUBLISHED', author: { id: 'c1' } })).toBe(true);
  });
});

describe('planPublish', () => {
  const now = new Date('2025-11-01T08:00:00Z');
  it('publishes now without `at` or with `at` in the past, schedules a future `at`', () => {
    expect(planPublish(null, now)).toEqual({ status: 'PUBLISHED' });
    expect(planPublish(new Date('2025-10-01T00:00:00Z'), now)).toEqual({ status: 'PUBLISHED' });
    expect(planPublish(now, now)).toEqual({ status: 'PUBLISHED' });
    const at = new Date('2025-11-02T00:00:00Z');
    expect(planPublish(at, now)).toEqual({ status: 'SCHEDULED', scheduledAt: at });
  });
});
