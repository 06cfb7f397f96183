import { describe, expect, it } from 'vitest';
import {
  CLOSED_STATUSES,
  REFERRAL_STATUSES,
  STAFF_SETTABLE,
  planTransition,
} from './referral-status';

describe('planTransition', () => {
  it('walks the hotline lifecycle to RESOLVED', () => {
    expect(planTransition('RECEIVED', 'FORWARDED', 'DISPATCHER')).toEqual({ kind: 'apply' });
    expect(planTransition('FORWARDED', 'ACKNOWLEDGED', 'HOTLINE')).toEqual({ kind: 'apply' });
    expect(planTransition('ACKNOWLEDGED', 'IN_PROGRESS', 'HOTLINE')).toEqual({ kind: 'apply' });
    expect(planTransition('IN_PROGRESS', 'RESOLVED', 'HOTLINE')).toEqual({ kind: 'apply' });
  });

  it('lets a hotline callback overtake our own record of the forwarding', () => {
    expect(planTransition('RECEIVED', 'ACKNOWLEDGED', 'HOTLINE').kind).toBe('apply');
    expect(planTransition('FAILED', 'IN_PROGRESS', 'HOTLINE').kind).toBe('apply');
  });

  it('never reopens or moves a closed referral', () => {
    for (const closed of CLOSED_STATUSES)
      for (const to of REFERRAL_STATUSES.filter((s) => s !== closed))
        for (const actor of ['DISPATCHER', 'HOTLINE', 'STAFF'] as const)
          expect(planTransition(closed, to, actor).kind).toBe('refuse');
  });

  it('never goes backwards', () => {
    expect(planTransition('IN_PROGRESS', 'ACKNOWLEDGED', 'HOTLINE')).toMatchObject({
      kind: 'refuse',
      reason: expect.stringContaining('cannot go from IN_PROGRESS to ACKNOWLEDGED'),
    });
    expect(planTransition('ACKNOWLEDGED', 'FORWARDED', 'STAFF').kind).toBe('refuse');
  });

  it('keeps FORWARDED and FAILED for the dispatcher, and RECEIVED for a retry of a FAILED one', () => {
    expect(STAFF_SETTABLE).not.toContain('FORWARDED');
    expect(STAFF_SETTABLE).not.toContain('FAILED');
    expect(planTransition('RECEIVED', 'FORWARDED', 'STAFF').kind).toBe('refuse');
    expect(planTransition('FORWARDED', 'FAILED', 'DISPATCHER').kind).toBe('refuse');
    expect(planTransition('FAILED', 'RECEIVED', 'STAFF').kind).toBe('apply');
    expect(planTransition('FAILED', 'RECEIVED', 'HOTLINE').kind).toBe('refuse');
  });

  it('lets staff withdraw a referral the hotline never took, but not skip it', () => {
    expect(planTransition('RECEIVED', 'REJECTED', 'STAFF').kind).toBe('apply');
    expect(planTransition('RECEIVED', 'RESOLVED', 'STAFF').kind).toBe('refuse');
  });

  it('treats a repeated status as a no-op, or as a progress note when it carries one', () => {
    expect(planTransition('IN_PROGRESS', 'IN_PROGRESS', 'HOTLINE')).toEqual({ kind: 'noop' });
    expect(planTransition('RESOLVED', 'RESOLVED', 'HOTLINE')).toEqual({ kind: 'noop' });
    expect(planTransition('IN_PROGRESS', 'IN_PROGRESS', 'STAFF', { carriesUpdate: true })).toEqual({
      kind: 'apply',
    });
    expect(planTransition('RESOLVED', 'RESOLVED', 'STAFF', { carriesUpdate: true }).kind).toBe(
      'refuse',
    );
    expect(planTransition('FAILED', 'FAILED', 'STAFF', { carriesUpdate: true }).kind).toBe(
      'refuse',
    );
  });
});
