import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Role, type Viewer } from '@portal/auth';
import {
  canManageReferral,
  canViewPrivate,
  listingAgency,
  requireManageReferral,
} from './referral-access';

function person(role: Role, department: string | null = null, id = `${role}-1`): Viewer {
  return {
    ...ANONYMOUS,
    id,
    displayName: role,
    roles: role === 'citizen' ? ['citizen'] : ['citizen', role],
    department,
  };
}
const referral = { targetAgency: 'SO-YT', submittedBy: 'citizen-1' };

describe('referral access', () => {
  it('lets moderators and admins handle every referral', () => {
    expect(canManageReferral(person('moderator'), referral)).toBe(true);
    expect(canManageReferral(person('admin'), referral)).toBe(true);
  });

  it('limits officers to their own agency', () => {
    expect(canManageReferral(person('officer', 'SO-YT'), referral)).toBe(true);
    expect(canManageReferral(person('officer', 'SO-XD'), referral)).toBe(false);
    expect(canManageReferral(person('officer', null), referral)).toBe(false);
    expect(() => requireManageReferral(person('officer', 'SO-XD'), referral)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses citizens, editors and anonymous callers with the right code', () => {
    expect(() => requireManageReferral(ANONYMOUS, referral)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    for (const role of ['citizen', 'editor', 'contributor'] as const)
      expect(() => requireManageReferral(person(role), referral)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
  });

  it('shows private fields to the submitter too, but to no other citizen', () => {
    expect(canViewPrivate(person('citizen', null, 'citizen-1'), referral)).toBe(true);
    expect(canViewPrivate(person('citizen', null, 'citizen-2'), referral)).toBe(false);
    expect(canViewPrivate(ANONYMOUS, { ...referral, submittedBy: null })).toBe(false);
  });

  it('scopes lists: any agency for moderators, only their own for officers', () => {
    expect(listingAgency(person('moderator'), null)).toBeNull();
    expect(listingAgency(person('moderator'), 'SO-XD')).toBe('SO-XD');
    expect(listingAgency(person('officer', 'SO-YT'), null)).toBe('SO-YT');
    expect(listingAgency(person('officer', 'SO-YT'), 'SO-YT')).toBe('SO-YT');
    expect(() => listingAgency(person('officer', 'SO-YT'), 'SO-XD')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => listingAgency(person('citizen'), null)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
