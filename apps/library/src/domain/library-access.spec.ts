import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Role, type Viewer } from '@portal/auth';
import {
  canFetchUnpublishedFile,
  canSeeItem,
  listingScope,
  requireCanAttachFiles,
  requireCanEditItem,
} from './library-access';

const person = (role: Role, id = `${role}-1`): Viewer & { id: string } => ({
  ...ANONYMOUS,
  id,
  displayName: id,
  roles: role === 'citizen' ? ['citizen'] : ['citizen', role],
});
const draftBy = (id: string) => ({ status: 'DRAFT' as const, createdBy: { id } });

describe('library access', () => {
  it('shows published items to all, drafts to editors and their author', () => {
    expect(canSeeItem(ANONYMOUS, { status: 'PUBLISHED', createdBy: { id: 'x' } })).toBe(true);
    expect(canSeeItem(ANONYMOUS, draftBy('x'))).toBe(false);
    expect(canSeeItem(person('citizen', 'x'), draftBy('x'))).toBe(false);
    expect(canSeeItem(person('contributor', 'x'), draftBy('x'))).toBe(true);
    expect(canSeeItem(person('contributor', 'y'), draftBy('x'))).toBe(false);
    expect(canSeeItem(person('editor'), draftBy('x'))).toBe(true);
    expect(canSeeItem(person('admin'), { status: 'ARCHIVED', createdBy: { id: 'x' } })).toBe(true);
  });

  it('lets contributors edit only their own drafts', () => {
    expect(() => requireCanEditItem(person('contributor', 'x'), draftBy('x'))).not.toThrow();
    expect(() => requireCanEditItem(person('contributor', 'y'), draftBy('x'))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() =>
      requireCanEditItem(person('contributor', 'x'), {
        status: 'PUBLISHED',
        createdBy: { id: 'x' },
      }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireCanEditItem(ANONYMOUS, draftBy('x'))).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() =>
      requireCanEditItem(person('editor'), { status: 'PUBLISHED', createdBy: { id: 'x' } }),
    ).not.toThrow();
  });

  it('scopes listings by status and role', () => {
    expect(listingScope(ANONYMOUS, null)).toEqual({ status: 'PUBLISHED', createdById: null });
    expect(listingScope(person('editor'), 'DRAFT')).toEqual({ status: 'DRAFT', createdById: null });
    expect(listingScope(person('contributor', 'c'), 'ARCHIVED')).toEqual({
      status: 'ARCHIVED',
      createdById: 'c',
    });
    expect(() => listingScope(person('citizen'), 'DRAFT')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('keeps unpublished files to editors and their uploader, and files to their owners', () => {
    const file = { uploadedBy: { id: 'u' } };
    expect(canFetchUnpublishedFile(ANONYMOUS, file)).toBe(false);
    expect(canFetchUnpublishedFile(person('contributor', 'u'), file)).toBe(true);
    expect(canFetchUnpublishedFile(person('citizen', 'u'), file)).toBe(false);
    expect(canFetchUnpublishedFile(person('editor'), file)).toBe(true);
    expect(() => requireCanAttachFiles(person('contributor', 'v'), [file])).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireCanAttachFiles(person('editor'), [file])).not.toThrow();
  });
});
