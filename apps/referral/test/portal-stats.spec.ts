// Portal statistics, the referral part: a month of referrals moved through the service's own
// paths (feedback intake, the dispatcher's forwarding, hotline callbacks, staff updates) on a
// clock the test sets, then counted by `_entities` exactly as the gateway asks for them.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { portalStatsKey } from '@portal/db';
import {
  EDITORS_AND_ADMINS_ONLY,
  errorCodes,
  expectErrorCodes,
  portalStatsEntity,
  resolvedPortalStats,
  testViewer,
} from '@portal/testing';
import { newTrackingCode } from '../src/domain/tracking-code';
import {
  UPDATE_STATUS,
  submitHotlineFeedback,
  useReferralHarness,
  viewers,
} from './support/harness';

let clock = new Date('2025-10-01T00:00:00Z');
const h = useReferralHarness('referral-portal-stats', { clock: () => clock });

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats {
  referrals {
    received forwarded resolved rejected closed closedWithinSla overdue slaMetShare medianHoursToResolution
    series { from to received forwarded resolved rejected }
    byAgency { agency closed closedWithinSla overdue slaMetShare medianHoursToResolution }
    byCategory { categoryCode categoryName closed closedWithinSla overdue slaMetShare medianHoursToResolution }
  }
} } }`;

const at = (s: string) => new Date(`${s}+07:00`);
const NOVEMBER = portalStatsKey({
  from: at('2025-11-01T00:00:00'),
  to: at('2025-12-01T00:00:00'),
  granularity: 'WEEK',
});

async function receive(when: string, categoryCode: string): Promise<string> {
  clock = at(when);
  return (await submitHotlineFeedback(h, categoryCode)).id;
}

async function forward(id: string, when: string): Promise<void> {
  clock = at(when);
  await h.core.referrals.recordForwarded(id, `T-${id}`);
}

async function staffSets(id: string, status: string, when: string): Promise<void> {
  clock = at(when);
  const res = await h.call(viewers.moderator(), UPDATE_STATUS, {
    id,
    status,
    note: status === 'REJECTED' ? 'Không thuộc thẩm quyền' : null,
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

describe('portal statistics (referrals)', () => {
  beforeAll(async () => {
    // Outside the period: received and forwarded in October, resolved in November (late).
    const f = await receive('2025-10-20T08:00:00', 'DIEN');
    await forward(f, '2025-10-20T08:05:00');
    // Week of 3 November.
    const a = await receive('2025-11-03T09:00:00', 'DIEN');
    await forward(a, '2025-11-03T09:05:00');
    const b = await receive('2025-11-04T09:00:00', 'DIEN');
    await forward(b, '2025-11-04T09:05:00');
    await staffSets(a, 'RESOLVED', '2025-11-03T19:00:00'); // 10 h, SLA 24 h: met
    await staffSets(f, 'RESOLVED', '2025-11-05T08:00:00'); // 384 h: missed
    await staffSets(b, 'RESOLVED', '2025-11-06T09:00:00'); // 48 h: missed
    // Week of 10 November (Y-TE: SO-YT, SLA 48 h).
    const c = await receive('2025-11-11T08:00:00', 'Y-TE');
    await forward(c, '2025-11-11T08:10:00');
    const d = await receive('2025-11-12T10:00:00', 'Y-TE');
    await forward(d, '2025-11-12T10:10:00');
    await staffSets(c, 'REJECTED', '2025-11-12T08:00:00'); // 24 h: met, and no resolution
    // d stays FORWARDED past its due time (14 November): overdue.
    // Week of 17 November: the hotline's callback overtakes the dispatcher's record.
    const e = await receive('2025-11-20T08:00:00', 'DIEN');
    clock = at('2025-11-20T08:30:00');
    await h.core.referrals.applyCallback({
      referralId: e,
      ticketId: `T-${e}`,
      status: 'ACKNOWLEDGED',
      publicResponse: null,
      note: null,
    });
    await forward(e, '2025-11-20T08:31:00'); // the callback was the hand-over: nothing new
    clock = at('2025-11-21T02:00:00');
    await h.core.referrals.applyCallback({
      referralId: e,
      ticketId: `T-${e}`,
      status: 'RESOLVED',
      publicResponse: 'Đã khắc phục sự cố.',
      note: null,
    }); // 18 h: met
    // Week of 24 November: never forwarded, due 29 November: overdue.
    await receive('2025-11-28T08:00:00', 'NUOC');
    clock = at('2025-12-02T09:00:00');
  }, 60_000);

  it('counts received, forwarded, resolved and rejected per week, SLA per agency and category, and the median time to resolution', async () => {
    const stats = resolvedPortalStats(
      await h.call(testViewer('editor'), ENTITIES, portalStatsEntity(NOVEMBER)),
    );
    const sla = (
      closed: number,
      within: number,
      overdue: number,
      share: number | null,
      median: number | null,
    ) => ({
      closed,
      closedWithinSla: within,
      overdue,
      slaMetShare: share,
      medianHoursToResolution: median,
    });
    expect(stats.referrals).toEqual({
      received: 6,
      forwarded: 5,
      resolved: 4,
      rejected: 1,
      ...sla(5, 3, 2, 3 / 7, 18),
      series: [
        {
          from: '2025-10-31T17:00:00.000Z',
          to: '2025-11-02T17:00:00.000Z',
          received: 0,
          forwarded: 0,
          resolved: 0,
          rejected: 0,
        },
        {
          from: '2025-11-02T17:00:00.000Z',
          to: '2025-11-09T17:00:00.000Z',
          received: 2,
          forwarded: 2,
          resolved: 3,
          rejected: 0,
        },
        {
          from: '2025-11-09T17:00:00.000Z',
          to: '2025-11-16T17:00:00.000Z',
          received: 2,
          forwarded: 2,
          resolved: 0,
          rejected: 1,
        },
        {
          from: '2025-11-16T17:00:00.000Z',
          to: '2025-11-23T17:00:00.000Z',
          received: 1,
          forwarded: 1,
          resolved: 1,
          rejected: 0,
        },
        {
          from: '2025-11-23T17:00:00.000Z',
          to: '2025-11-30T17:00:00.000Z',
          received: 1,
          forwarded: 0,
          resolved: 0,
          rejected: 0,
        },
      ],
      byAgency: [
        { agency: 'EVNHCMC', ...sla(4, 2, 0, 0.5, 18) },
        { agency: 'SAWACO', ...sla(0, 0, 1, 0, null) },
        { agency: 'SO-YT', ...sla(1, 1, 1, 0.5, null) },
      ],
      byCategory: [
        {
          categoryCode: 'DIEN',
          categoryName: expect.stringMatching(/^Điện/),
          ...sla(4, 2, 0, 0.5, 18),
        },
        {
          categoryCode: 'NUOC',
          categoryName: expect.stringMatching(/^Cấp nước/),
          ...sla(0, 0, 1, 0, null),
        },
        {
          categoryCode: 'Y-TE',
          categoryName: 'Y tế, an toàn thực phẩm',
          ...sla(1, 1, 1, 0.5, null),
        },
      ],
    });
  });

  it('counts an overdue referral only once its due time has passed, and nothing outside the period', async () => {
    clock = at('2025-11-14T09:00:00'); // d is due at 10:00
    const early = portalStatsKey({
      from: at('2025-11-10T00:00:00'),
      to: at('2025-11-17T00:00:00'),
      granularity: 'MONTH',
    });
    const res = await h.call(testViewer('admin'), ENTITIES, portalStatsEntity(early));
    clock = at('2025-12-02T09:00:00');
    expect(resolvedPortalStats(res).referrals).toMatchObject({
      received: 2,
      forwarded: 2,
      resolved: 0,
      rejected: 1,
      closed: 1,
      overdue: 0,
      slaMetShare: 1,
      series: [{ from: '2025-11-09T17:00:00.000Z', to: '2025-11-16T17:00:00.000Z', received: 2 }],
    });
  });

  it('answers editors and admins only, deciding before it reads the period', async () => {
    const november = portalStatsEntity(NOVEMBER);
    await expectErrorCodes((who) => h.call(who, ENTITIES, november), EDITORS_AND_ADMINS_ONLY);
    const bad = portalStatsEntity('nope');
    expect(errorCodes(await h.call(testViewer('citizen'), ENTITIES, bad))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.call(testViewer('editor'), ENTITIES, bad))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

// The figures are kept as day counts by the writes (received, events applied) and read from
// month documents plus what is pending in Redis; the records they replace stay the reference.
// More referrals (after the tests above) straddle city days, weeks and months: each answer
// must equal the one computed from every record, exactly, before and after the flush.
describe('portal statistics (referrals) from day counts', () => {
  const periods = () => [
    { from: at('2025-11-01T00:00:00'), to: at('2025-12-01T00:00:00') },
    { from: at('2025-11-09T23:55:00'), to: at('2025-12-02T10:30:00') },
    { from: at('2025-10-15T13:00:00'), to: at('2025-11-17T07:00:00') },
    { from: at('2025-11-03T09:30:00'), to: at('2025-11-03T20:00:00') },
    { from: at('2025-11-30T23:00:00'), to: at('2025-12-01T00:15:00') },
  ];

  async function expectSameAsRecords(now: string): Promise<number> {
    clock = at(now);
    let compared = 0;
    for (const p of periods())
      for (const granularity of ['DAY', 'WEEK', 'MONTH'] as const) {
        const period = { ...p, granularity };
        const fromCounts = await h.server.stats.referrals(testViewer('editor'), period);
        expect(fromCounts, `${JSON.stringify(period)} at ${now}`).toEqual(
          await h.server.stats.referralsFromRecords(period),
        );
        compared++;
      }
    return compared;
  }

  beforeAll(async () => {
    // Received late on Sunday 9 November (city time), handed over and resolved on Monday.
    const g = await receive('2025-11-09T23:50:00', 'DIEN');
    await forward(g, '2025-11-10T00:05:00');
    await staffSets(g, 'RESOLVED', '2025-11-10T00:30:00');
    // Received at 06:59 city time, still the day before in UTC; resolved a day later.
    const m = await receive('2025-11-16T06:59:00', 'Y-TE');
    await forward(m, '2025-11-16T07:10:00');
    await staffSets(m, 'RESOLVED', '2025-11-17T07:30:00');
    // Two resolutions of the same length (the median counts both).
    for (const hour of ['08', '09']) {
      const x = await receive(`2025-11-18T${hour}:00:00`, 'DIEN');
      await forward(x, `2025-11-18T${hour}:05:00`);
      await staffSets(x, 'RESOLVED', `2025-11-18T${Number(hour) + 10}:00:00`);
    }
    // Across the month's end: received 30 November, rejected 1 December.
    const k = await receive('2025-11-30T23:40:00', 'NUOC');
    await forward(k, '2025-11-30T23:55:00');
    await staffSets(k, 'REJECTED', '2025-12-01T00:10:00');
    // Open, due on 2 December at 10:00: overdue only once that time has passed.
    const n = await receive('2025-12-01T10:00:00', 'DIEN');
    await forward(n, '2025-12-01T10:05:00');
  }, 60_000);

  it('equal the figures from every record, pending in Redis and after the flush', async () => {
    expect(await expectSameAsRecords('2025-12-02T09:00:00')).toBe(15);
    await expectSameAsRecords('2025-12-02T11:00:00');
    const { ran, batches } = await h.server.statsCounter.flush();
    expect({ ran, batches }).toEqual({ ran: true, batches: 1 });
    await expectSameAsRecords('2025-12-02T11:00:00');
    // A closing after the flush: part flushed, part pending.
    await staffSets(
      (await h.core.models.Referral.findOne({ status: 'FORWARDED' }).lean())!._id.toHexString(),
      'RESOLVED',
      '2025-12-02T11:30:00',
    );
    await expectSameAsRecords('2025-12-02T12:00:00');
    await h.server.statsCounter.flush();
    await expectSameAsRecords('2025-12-02T12:00:00');
    // The sample is exact: the figures checked above include this week's.
    clock = at('2025-12-02T12:00:00');
    const week = await h.server.stats.referrals(testViewer('editor'), {
      from: at('2025-11-17T00:00:00'),
      to: at('2025-11-24T00:00:00'),
      granularity: 'WEEK',
    });
    expect(week).toMatchObject({ resolved: 4, medianHoursToResolution: 10 });
  });

  it('counts a referral or an event once, however often it is counted again', async () => {
    clock = at('2025-12-02T12:00:00');
    const period = {
      from: at('2025-10-01T00:00:00'),
      to: at('2025-12-03T00:00:00'),
      granularity: 'WEEK' as const,
    };
    const before = await h.server.stats.referrals(testViewer('editor'), period);
    const counter = h.server.statsCounter;
    const referral = (await h.core.models.Referral.findOne({ status: 'RESOLVED' }).lean())!;
    const events = await h.core.models.ReferralEvent.find({
      referralId: referral._id.toHexString(),
    }).lean();
    expect(await counter.countReferral(referral)).toBe(false);
    for (const e of events) expect(await counter.countEvent(referral, e)).toBe(false);
    expect(await counter.backfill(h.core.models, h.logger)).toEqual({ referrals: 0, events: 0 });
    expect(await h.server.stats.referrals(testViewer('editor'), period)).toEqual(before);
    expect(before).toEqual(await h.server.stats.referralsFromRecords(period));
  });

  it('counts a receipt whose writer stopped before counting it, in the recovery sweep', async () => {
    clock = at('2025-12-02T12:00:00');
    const period = {
      from: at('2025-12-01T00:00:00'),
      to: at('2025-12-03T00:00:00'),
      granularity: 'DAY' as const,
    };
    // As the writer leaves it when it dies between the insert and the count: marked, not counted.
    const model = (await h.core.models.Referral.findOne({ status: 'RESOLVED' }).lean())!;
    const _id = new Types.ObjectId();
    await h.core.models.ReferralStatPending.create({
      _id: _id.toHexString(),
      at: at('2025-12-02T10:59:00'),
    });
    await h.core.models.Referral.create({
      ...model,
      _id,
      trackingCode: newTrackingCode(),
      sourceKey: `direct:${_id.toHexString()}`,
      status: 'RECEIVED',
      closedAt: null,
      version: 1,
      createdAt: at('2025-12-02T10:59:00'),
      slaDueAt: at('2025-12-02T11:59:00'),
    });
    const records = await h.server.stats.referralsFromRecords(period);
    expect((await h.server.stats.referrals(testViewer('editor'), period)).received).toBe(
      records.received - 1,
    );
    expect(await h.core.repo.sweepUncounted()).toBe(1);
    expect(await h.server.stats.referrals(testViewer('editor'), period)).toEqual(records);
    expect(records.overdue).toBeGreaterThan(0);
    expect(await h.core.models.ReferralStatPending.countDocuments()).toBe(0);
  });
});
