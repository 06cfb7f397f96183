import { slaDueAt } from './sla';

/** A hotline category as it routes a referral (`_id` is its code). */
export interface RoutingCategory {
  _id: string;
  name: string;
  targetAgency: string;
  slaHours: number;
}

/**
 * What a referral is when it is received at `at`: routed by its category (agency, SLA and
 * due time), RECEIVED, not yet dispatched (round 1, no hotline ticket), open. The intake,
 * the demo data, the scale data and the tests all start a referral from it.
 */
export function receivedReferral(category: RoutingCategory, at: Date) {
  return {
    categoryCode: category._id,
    categoryName: category.name,
    targetAgency: category.targetAgency,
    slaHours: category.slaHours,
    slaDueAt: slaDueAt(at, category.slaHours),
    status: 'RECEIVED' as const,
    publicResponse: null,
    hotlineTicketId: null,
    dispatchRound: 1,
    dispatchError: null,
    overdueFlaggedAt: null,
    closedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}
