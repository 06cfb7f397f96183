import type { Connection } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { useTestDatabase } from '@portal/testing';
import { seedDemoReferrals } from '../src/demo-data';
import { REFERRAL_STATUSES } from '../src/domain/referral-status';
import { isOverdue } from '../src/domain/sla';
import { referralModels, type ReferralModels } from '../src/models';

const db = useTestDatabase('seed');
const logger = createLogger({ service: 'test-seed', level: 'silent', pretty: false });
const now = new Date();
let conn: Connection;
let models: ReferralModels;

beforeAll(async () => {
  conn = await db.connection();
  models = await referralModels.prepare(conn);
});

describe('demo seed', () => {
  it('has referrals in every status across categories, some overdue, with history', async () => {
    expect(await seedDemoReferrals(conn, logger, now)).toBe(10);
    const referrals = await models.Referral.find().lean();
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(referrals.map((r) => r.categoryCode)).size).toBeGreaterThanOrEqual(8);
    expect(referrals.filter((r) => isOverdue(r, now)).length).toBeGreaterThanOrEqual(2);
    expect(
      referrals.filter((r) => !isOverdue(r, now) && r.status !== 'RESOLVED').length,
    ).toBeGreaterThan(0);
    for (const r of referrals.filter((x) => x.status !== 'RECEIVED'))
      expect(await models.ReferralEvent.countDocuments({ referralId: r._id.toHexString() })).toBe(
        r.version - 1,
      );
    const resolved = referrals.find((r) => r.status === 'RESOLVED' && r.categoryCode === 'DIEN')!;
    expect(resolved.publicResponse).toContain('Điện lực');
    expect(await models.AgencyContact.countDocuments()).toBeGreaterThanOrEqual(10);
    // Demo history happened in the past.
    expect(referrals.every((r) => r.updatedAt <= now)).toBe(true);
  });

  it('runs again without duplicating anything', async () => {
    const events = await models.ReferralEvent.countDocuments();
    expect(await seedDemoReferrals(conn, logger, now)).toBe(0);
    expect(await models.Referral.countDocuments()).toBe(10);
    expect(await models.ReferralEvent.countDocuments()).toBe(events);
  });
});
