import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { assertLinkLimit, isNewAccount } from './anti-abuse';
import { renderBody } from './body';
import { shouldAutoHide, visibilityAfter } from './moderation';
import { noticeBatches, officialAnswerNotificationId, threadUrl } from './official-answer-notice';
import { assertCanAnswer, assertCanEdit } from './permissions';
import {
  closeTransition,
  reopenTransition,
  statusAfterAnswer,
  statusAfterReferral,
} from './thread-transitions';
import { canSeeContent, canSeePost, threadStatusOf } from './visibility';

const person = (id: string, roles: Viewer['roles'], department: string | null = null): Viewer => ({
  ...ANONYMOUS,
  id,
  displayName: id,
  roles,
  department,
});
const citizen = person('c1', ['citizen']);
const other = person('c2', ['citizen']);
const moderator = person('m1', ['citizen', 'moderator']);
const officer = person('o1', ['citizen', 'officer'], 'SO-KHCN');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('visibility', () => {
  it('shows visible content to everyone, hidden to its author and moderators, removed to moderators', () => {
    const hidden = { visibility: 'HIDDEN' as const, authorId: 'c1' };
    const removed = { visibility: 'REMOVED' as const, authorId: 'c1' };
    expect(canSeeContent(ANONYMOUS, { visibility: 'VISIBLE', authorId: 'c1' })).toBe(true);
    expect(canSeeContent(ANONYMOUS, hidden)).toBe(false);
    expect(canSeeContent(other, hidden)).toBe(false);
    expect(canSeeContent(citizen, hidden)).toBe(true);
    expect(canSeeContent(moderator, hidden)).toBe(true);
    expect(canSeeContent(citizen, removed)).toBe(false);
    expect(canSeeContent(moderator, removed)).toBe(true);
  });

  it('hides every post of a hidden thread from the public', () => {
    const post = { visibility: 'VISIBLE' as const, authorId: 'c2' };
    expect(canSeePost(ANONYMOUS, post, { visibility: 'HIDDEN', authorId: 'c1' })).toBe(false);
    expect(canSeePost(ANONYMOUS, post, null)).toBe(false);
    expect(canSeePost(ANONYMOUS, post, { visibility: 'VISIBLE', authorId: 'c1' })).toBe(true);
  });

  it('shows HIDDEN as the status of any thread that is not visible', () => {
    expect(threadStatusOf({ workflowStatus: 'ANSWERED', visibility: 'VISIBLE' })).toBe('ANSWERED');
    expect(threadStatusOf({ workflowStatus: 'ANSWERED', visibility: 'REMOVED' })).toBe('HIDDEN');
  });
});

describe('thread transitions', () => {
  it('answers any thread but a closed one', () => {
    expect(statusAfterAnswer('OPEN')).toBe('ANSWERED');
    expect(statusAfterAnswer('REFERRED')).toBe('ANSWERED');
    expect(codeOf(() => statusAfterAnswer('CLOSED'))).toBe('CONFLICT');
  });

  it('refers once, and never reopens a closed thread', () => {
    expect(statusAfterReferral('OPEN')).toBe('REFERRED');
    expect(statusAfterReferral('ANSWERED')).toBe('REFERRED');
    expect(statusAfterReferral('REFERRED')).toBeNull();
    expect(statusAfterReferral('CLOSED')).toBeNull();
  });

  it('reopens to the status before closing', () => {
    const closed = closeTransition('ANSWERED');
    expect(closed).toEqual({ status: 'CLOSED', before: 'ANSWERED' });
    expect(reopenTransition('CLOSED', closed.before)).toBe('ANSWERED');
    expect(reopenTransition('CLOSED', null)).toBe('OPEN');
    expect(codeOf(() => closeTransition('CLOSED'))).toBe('CONFLICT');
    expect(codeOf(() => reopenTransition('OPEN', null))).toBe('CONFLICT');
  });
});

describe('permissions', () => {
  it('lets officers answer only for their own department', () => {
    expect(codeOf(() => assertCanAnswer(officer, { assignedDepartment: 'SO-KHCN' }))).toBe(
      undefined,
    );
    expect(codeOf(() => assertCanAnswer(officer, { assignedDepartment: 'SO-YT' }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => assertCanAnswer(officer, { assignedDepartment: null }))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanAnswer(citizen, { assignedDepartment: 'SO-KHCN' }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => assertCanAnswer(ANONYMOUS, { assignedDepartment: 'SO-KHCN' }))).toBe(
      'UNAUTHENTICATED',
    );
    const admin = person('a1', ['admin']);
    expect(codeOf(() => assertCanAnswer(admin, { assignedDepartment: 'SO-KHCN' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('lets authors edit within the window only', () => {
    const createdAt = new Date('2025-01-01T00:00:00Z');
    const at = (min: number) => new Date(createdAt.getTime() + min * 60_000);
    const post = { authorId: 'c1', createdAt };
    expect(codeOf(() => assertCanEdit(citizen, post, at(29), 30))).toBe(undefined);
    expect(codeOf(() => assertCanEdit(citizen, post, at(31), 30))).toBe('CONFLICT');
    expect(codeOf(() => assertCanEdit(other, post, at(1), 30))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanEdit(moderator, post, at(1), 30))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanEdit(ANONYMOUS, post, at(1), 30))).toBe('UNAUTHENTICATED');
  });
});

describe('anti-abuse', () => {
  const rules = { newAccountDays: 7, newAccountMaxLinks: 1 };
  const now = new Date('2025-03-10T00:00:00Z');

  it('treats accounts first seen within the window as new', () => {
    expect(isNewAccount(null, now, 7)).toBe(true);
    expect(isNewAccount(new Date('2025-03-05T00:00:00Z'), now, 7)).toBe(true);
    expect(isNewAccount(new Date('2025-03-01T00:00:00Z'), now, 7)).toBe(false);
    expect(isNewAccount(null, now, 0)).toBe(false);
  });

  it('limits links for new accounts only, naming the field', () => {
    const html = renderBody('<p>https://a.vn và https://b.vn</p>', 'HTML');
    expect(codeOf(() => assertLinkLimit(html, 'input.body', true, rules))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertLinkLimit(html, 'input.body', false, rules))).toBe(undefined);
    expect(codeOf(() => assertLinkLimit('<p>https://a.vn</p>', 'body', true, rules))).toBe(
      undefined,
    );
  });
});

describe('moderation', () => {
  it('maps actions to visibility and refuses no-ops', () => {
    expect(visibilityAfter('HIDE', 'VISIBLE')).toBe('HIDDEN');
    expect(visibilityAfter('REMOVE', 'HIDDEN')).toBe('REMOVED');
    expect(visibilityAfter('RESTORE', 'REMOVED')).toBe('VISIBLE');
    expect(visibilityAfter('RESTORE', 'VISIBLE')).toBe('VISIBLE');
    expect(codeOf(() => visibilityAfter('HIDE', 'HIDDEN'))).toBe('CONFLICT');
  });

  it('auto-hides visible content at the threshold', () => {
    expect(shouldAutoHide(2, 3, 'VISIBLE')).toBe(false);
    expect(shouldAutoHide(3, 3, 'VISIBLE')).toBe(true);
    expect(shouldAutoHide(5, 3, 'HIDDEN')).toBe(false);
  });
});

describe('official answer notice', () => {
  it('batches followers with addresses, stably, without the answerer', () => {
    const followers = [
      { userId: 'u3', email: 'c@x.vn', displayName: 'Cường' },
      { userId: 'u1', email: 'a@x.vn', displayName: 'An' },
      { userId: 'o1', email: 'o@x.vn' },
      { userId: 'u2', email: null },
      { userId: 'u4', email: 'd@x.vn' },
      { userId: 'u1', email: 'a@x.vn' },
    ];
    expect(noticeBatches(followers, 'o1', 2)).toEqual([
      [
        { id: 'u1', email: 'a@x.vn', name: 'An' },
        { id: 'u3', email: 'c@x.vn', name: 'Cường' },
      ],
      [{ id: 'u4', email: 'd@x.vn' }],
    ]);
    expect(noticeBatches([], 'o1', 2)).toEqual([]);
  });

  it('links under the public address with a stable notification id', () => {
    expect(threadUrl('https://cds.tphcm.gov.vn', 'abc')).toBe(
      'https://cds.tphcm.gov.vn/dien-dan/abc',
    );
    expect(officialAnswerNotificationId('p1')).toBe('forum.official-answer.p1');
  });
});
