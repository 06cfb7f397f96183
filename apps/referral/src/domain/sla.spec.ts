import { describe, expect, it } from 'vitest';
import { isOverdue, slaDueAt } from './sla';

describe('SLA', () => {
  const received = new Date('2025-11-01T01:00:00Z');

  it('is due the category hours after the referral was received, around the clock', () => {
    expect(slaDueAt(received, 24).toISOString()).toBe('2025-11-02T01:00:00.000Z');
    expect(slaDueAt(received, 120).toISOString()).toBe('2025-11-06T01:00:00.000Z');
  });

  it('is overdue once the SLA passed while the referral is open', () => {
    const due = slaDueAt(received, 24);
    const before = new Date('2025-11-02T00:59:59Z');
    const after = new Date('2025-11-02T01:00:00Z');
    expect(isOverdue({ status: 'IN_PROGRESS', slaDueAt: due }, before)).toBe(false);
    expect(isOverdue({ status: 'IN_PROGRESS', slaDueAt: due }, after)).toBe(true);
    expect(isOverdue({ status: 'FAILED', slaDueAt: due }, after)).toBe(true);
    expect(isOverdue({ status: 'RESOLVED', slaDueAt: due }, after)).toBe(false);
    expect(isOverdue({ status: 'REJECTED', slaDueAt: due }, after)).toBe(false);
  });
});
