import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@portal/auth';
import { testViewer } from '@portal/testing';
import {
  assertEditable,
  assertSchedulable,
  decidePublish,
  isVisibleTo,
  listingStatus,
} from './issue-rules';

const at = new Date('2025-11-01T01:00:00.000Z');

describe('issue rules', () => {
  it('publishes a job only for the schedule it was made for', () => {
    expect(decidePublish(null, at.toISOString())).toEqual({
      action: 'skip',
      reason: 'issue not found',
    });
    expect(decidePublish({ status: 'SCHEDULED', scheduledAt: at }, at.toISOString())).toEqual({
      action: 'publish',
    });
    expect(
      decidePublish({ status: 'SCHEDULED', scheduledAt: at }, '2025-11-02T01:00:00.000Z').action,
    ).toBe('skip');
    expect(decidePublish({ status: 'DRAFT', scheduledAt: null }, at.toISOString()).action).toBe(
      'skip',
    );
    expect(decidePublish({ status: 'PUBLISHED', scheduledAt: at }, at.toISOString()).action).toBe(
      'resume',
    );
    expect(decidePublish({ status: 'SCHEDULED', scheduledAt: at }, null).action).toBe('publish');
  });

  it('lets the public see published issues only', () => {
    const draft = { status: 'DRAFT' as const, scheduledAt: null };
    expect(isVisibleTo(draft, ANONYMOUS)).toBe(false);
    expect(isVisibleTo(draft, testViewer('contributor'))).toBe(false);
    expect(isVisibleTo(draft, testViewer('editor'))).toBe(true);
    expect(isVisibleTo(draft, testViewer('admin'))).toBe(true);
    expect(isVisibleTo({ status: 'PUBLISHED', scheduledAt: null }, ANONYMOUS)).toBe(true);
    expect(listingStatus(undefined, ANONYMOUS)).toBe('PUBLISHED');
    expect(() => listingStatus('DRAFT', testViewer('citizen'))).toThrow(/editors/);
    expect(listingStatus('DRAFT', testViewer('editor'))).toBe('DRAFT');
  });

  it('freezes published issues and needs items to schedule', () => {
    expect(() => assertEditable({ status: 'PUBLISHED', scheduledAt: at })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => assertSchedulable({ status: 'DRAFT', scheduledAt: null }, 0)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => assertSchedulable({ status: 'SCHEDULED', scheduledAt: at }, 2)).not.toThrow();
  });
});
