import { describe, expect, it } from 'vitest';
import { portalStatsKey } from '@portal/db';
import { portalStatsEntity, resolvedPortalStats, testViewer } from '@portal/testing';
import { scaleCount, scaleId } from '@portal/testing/bench';
import { referredThreadIndex, seedScale } from '../bench/scale-data';
import { planTransition, type ReferralStatus } from '../src/domain/referral-status';
import { PUBLIC_BASE_URL, TRACK_REFERRAL, useReferralHarness, viewers } from './support/harness';

const h = useReferralHarness('referral-scale');
const now = new Date();
// 30, then 50 referrals.
const SMALL = 0.006;
const LARGER = 0.01;
const DAY = 24 * 3600_000;

const seed = (fraction: number) =>
  seedScale({
    conn: h.conn,
    redis: h.redis,
    keyPrefix: h.prefix,
    webBaseUrl: PUBLIC_BASE_URL,
    logger: h.logger,
    fraction,
    now,
  });

// Three years up to now, by month: every generated referral falls in it.
const PERIOD = {
  from: new Date(now.getTime() - 1096 * DAY),
  to: new Date(now.getTime() + 60_000),
  granularity: 'MONTH' as const,
};
const STATS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats {
  referrals { received forwarded resolved rejected }
} } }`;
const THREAD_REFERRAL = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Thread { id referral { trackingCode status } }
} }`;
const CATEGORIES = `{ hotlineCategories { code } }`;
const STAFF_LIST = `{ referrals(first: 1) { totalCount } }`;

/**
 * The statistics as the gateway asks for them, as the service counts them (its day counts),
 * and the same figures from every record.
 */
async function statistics() {
  const res = await h.call(testViewer('editor'), STATS, portalStatsEntity(portalStatsKey(PERIOD)));
  return {
    graph: resolvedPortalStats(res).referrals,
    counted: await h.server.stats.referrals(testViewer('editor'), PERIOD),
    fromRecords: await h.server.stats.referralsFromRecords(PERIOD),
  };
}

async function staffTotal(): Promise<number> {
  const res = await h.call(viewers.moderator(), STAFF_LIST);
  expect(res.errors).toBeUndefined();
  return res.data!.referrals.totalCount;
}

describe('the referral scale data', () => {
  it('records referrals any holder of the code can follow, with the history of their status', async () => {
    const result = await seed(SMALL);
    const count = scaleCount('referrals', SMALL);
    expect(result.inserted.referrals).toBe(count);
    expect(result.total.referrals).toBe(count);
    expect(result.inserted.referralEvents).toBe(result.total.referralEvents);
    expect(await staffTotal()).toBe(count);

    const referrals = await h.core.models.Referral.find().lean();
    expect(new Set(referrals.map((r) => r.trackingCode)).size).toBe(count);
    expect(new Set(referrals.map((r) => r.categoryCode)).size).toBeGreaterThanOrEqual(5);
    // Most closed, spread over about three years.
    expect(referrals.filter((r) => r.closedAt).length).toBeGreaterThan(count / 2);
    const ages = referrals.map((r) => now.getTime() - r.createdAt.getTime());
    expect(Math.max(...ages)).toBeGreaterThan(2 * 365 * DAY);

    const categories = await h.call(viewers.anonymous, CATEGORIES);
    const offered = new Set(
      categories.data!.hotlineCategories.map((c: { code: string }) => c.code),
    );
    for (const r of referrals) {
      expect(offered).toContain(r.categoryCode);
      const res = await h.call(viewers.anonymous, TRACK_REFERRAL, { code: r.trackingCode });
      expect(res.errors).toBeUndefined();
      const tracked = res.data!.referralByTrackingCode;
      expect(tracked.status).toBe(r.status);
      const history: { status: ReferralStatus; at: string }[] = tracked.history;
      // Received first, then one allowed step after another, in time order, ending where it is.
      expect(history[0]!.status).toBe('RECEIVED');
      expect(history.at(-1)!.status).toBe(r.status);
      for (const [k, entry] of history.slice(1).entries()) {
        const before = history[k]!;
        expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(Date.parse(before.at));
        const allowed = (['DISPATCHER', 'HOTLINE', 'STAFF'] as const).some(
          (actor) => planTransition(before.status, entry.status, actor).kind === 'apply',
        );
        expect(allowed, `${before.status} → ${entry.status}`).toBe(true);
      }
      expect(Date.parse(tracked.updatedAt)).toBeLessThanOrEqual(now.getTime());
    }

    // Referral 0 came from the forum: its thread shows it.
    expect(referredThreadIndex(0)).toBe(0);
    const thread = await h.call(viewers.anonymous, THREAD_REFERRAL, {
      r: [{ __typename: 'Thread', id: scaleId('thread', 0) }],
    });
    expect(thread.errors).toBeUndefined();
    const referral0 = referrals.find((r) => r._id.toHexString() === scaleId('referral', 0))!;
    expect(thread.data!._entities[0].referral).toEqual({
      trackingCode: referral0.trackingCode,
      status: referral0.status,
    });
  });

  it('counts them into the statistics as the records say', async () => {
    const { graph, counted, fromRecords } = await statistics();
    expect(graph.received).toBe(scaleCount('referrals', SMALL));
    expect(graph.resolved + graph.rejected).toBeGreaterThan(0);
    expect(counted).toEqual(fromRecords);
  });

  it('adds nothing when run again, and only the difference at a larger fraction', async () => {
    const events = await h.core.models.ReferralEvent.countDocuments();
    const again = await seed(SMALL);
    expect(again.inserted).toEqual({ referrals: 0, referralEvents: 0 });
    expect(await h.core.models.ReferralEvent.countDocuments()).toBe(events);
    expect((await statistics()).graph.received).toBe(scaleCount('referrals', SMALL));

    const larger = await seed(LARGER);
    const added = scaleCount('referrals', LARGER) - scaleCount('referrals', SMALL);
    expect(larger.inserted.referrals).toBe(added);
    expect(larger.inserted.referralEvents).toBe(
      larger.total.referralEvents - again.total.referralEvents,
    );
    expect(await staffTotal()).toBe(scaleCount('referrals', LARGER));
    const { graph, counted, fromRecords } = await statistics();
    expect(graph.received).toBe(scaleCount('referrals', LARGER));
    expect(counted).toEqual(fromRecords);
    expect(await h.core.models.ReferralStatPending.countDocuments()).toBe(0);
  });
});
