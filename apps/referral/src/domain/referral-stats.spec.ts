import { describe, expect, it } from 'vitest';
import { median, referralStats } from './referral-stats';

const at = (s: string) => new Date(`${s}+07:00`);

describe('referral statistics', () => {
  it('takes the lower middle of an even count (nearest rank)', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([48, 10, 384, 18])).toBe(18);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('counts an event outside every bucket nowhere, and judges the SLA at its due time exactly', () => {
    const closed = (closedAt: string) => ({
      status: 'RESOLVED' as const,
      targetAgency: 'SO-XD',
      categoryCode: 'GIAO-THONG',
      categoryName: 'Giao thông',
      createdAt: at('2025-11-03T00:00:00'),
      closedAt: at(closedAt),
      slaDueAt: at('2025-11-04T00:00:00'),
    });
    const s = referralStats({
      buckets: [{ firstDay: '2025-11-03', lastDay: '2025-11-09' }],
      receivedAt: [at('2025-11-03T00:00:00'), at('2025-11-10T00:00:00')],
      forwardedAt: [at('2025-11-02T23:59:59')],
      closed: [closed('2025-11-04T00:00:00'), closed('2025-11-04T00:00:01')],
      overdue: [],
    });
    expect(s).toMatchObject({
      received: 1,
      forwarded: 0,
      resolved: 2,
      closed: 2,
      closedWithinSla: 1,
      slaMetShare: 0.5,
      medianHoursToResolution: 24,
    });
    expect(s.byAgency.map((a) => a.agency)).toEqual(['SO-XD']);
  });
});
