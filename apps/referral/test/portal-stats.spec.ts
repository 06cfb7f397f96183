// Portal statistics, the referral part: a month of referrals moved through the service's own
// paths (feedback intake, the dispatcher's forwarding, hotline callbacks, staff updates) on a
// clock the test sets, then counted by `_entities` exactly as the gateway asks for them.
import { beforeAll, describe, expect, it } from 'vitest';
import { portalStatsKey } from '@portal/db';
import { errorCodes, testViewer } from '@portal/testing';
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
    const res = await h.call(testViewer('editor'), ENTITIES, {
      r: [{ __typename: 'PortalStats', id: NOVEMBER }],
    });
    expect(res.errors).toBeUndefined();
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
    expect(res.data?._entities[0].referrals).toEqual({
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
    const res = await h.call(testViewer('admin'), ENTITIES, {
      r: [{ __typename: 'PortalStats', id: early }],
    });
    clock = at('2025-12-02T09:00:00');
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities[0].referrals).toMatchObject({
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
    const r = [{ __typename: 'PortalStats', id: NOVEMBER }];
    expect(errorCodes(await h.call(null, ENTITIES, { r }))).toEqual(['UNAUTHENTICATED']);
    for (const role of ['citizen', 'moderator', 'officer', 'contributor'] as const)
      expect(errorCodes(await h.call(testViewer(role), ENTITIES, { r }))).toEqual(['FORBIDDEN']);
    const bad = [{ __typename: 'PortalStats', id: 'nope' }];
    expect(errorCodes(await h.call(testViewer('citizen'), ENTITIES, { r: bad }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await h.call(testViewer('editor'), ENTITIES, { r: bad }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
