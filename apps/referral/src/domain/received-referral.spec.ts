import { describe, expect, it } from 'vitest';
import { receivedReferral } from './received-referral';

describe('receivedReferral', () => {
  it('routes by the category, is due after its SLA in calendar hours, and starts undispatched', () => {
    const at = new Date('2025-11-14T09:00:00+07:00');
    const category = { _id: 'DIEN', name: 'Điện', targetAgency: 'EVNHCMC', slaHours: 24 };
    expect(receivedReferral(category, at)).toEqual({
      categoryCode: 'DIEN',
      categoryName: 'Điện',
      targetAgency: 'EVNHCMC',
      slaHours: 24,
      slaDueAt: new Date('2025-11-15T09:00:00+07:00'),
      status: 'RECEIVED',
      publicResponse: null,
      hotlineTicketId: null,
      dispatchRound: 1,
      dispatchError: null,
      overdueFlaggedAt: null,
      closedAt: null,
      createdAt: at,
      updatedAt: at,
    });
  });
});
