import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, statBuckets } from '@portal/db';
import { subscriberStats, subscriptionPeriods, type SubscriberFacts } from './subscriber-stats';

/** The definition, one subscriber at a time (what subscriberStats computed before it searched). */
function reference(buckets: ReturnType<typeof statBuckets>, subscribers: SubscriberFacts[]) {
  const within = (at: Date | null, from: Date, to: Date) => !!at && at >= from && at < to;
  const periods = subscribers.map(subscriptionPeriods);
  const count = (f: (p: ReturnType<typeof subscriptionPeriods>[number]) => boolean) =>
    periods.reduce((n, ps) => n + ps.filter(f).length, 0);
  // A subscriber is subscribed when one of its subscriptions is.
  const subscribedAt = (at: Date) =>
    periods.filter((ps) =>
      ps.some(
        (p) =>
          !!p.confirmedAt && p.confirmedAt < at && !(p.unsubscribedAt && p.unsubscribedAt < at),
      ),
    ).length;
  const series = buckets.map((b) => {
    const from = dayStart(b.firstDay);
    const to = dayEnd(b.lastDay);
    return {
      from,
      to,
      requested: subscribers.filter((s) => within(s.createdAt, from, to)).length,
      confirmations: count((p) => within(p.confirmedAt, from, to)),
      unsubscribes: count((p) => within(p.unsubscribedAt, from, to)),
      subscribersAtEnd: subscribedAt(to),
    };
  });
  return {
    confirmations: series.reduce((n, b) => n + b.confirmations, 0),
    unsubscribes: series.reduce((n, b) => n + b.unsubscribes, 0),
    subscribersAtStart: subscribedAt(series[0]!.from),
    subscribersAtEnd: series.at(-1)!.subscribersAtEnd,
    series,
  };
}

describe('subscriberStats', () => {
  it('gives what the definition gives, for random subscribers and periods', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const DAY = 86_400_000;
    const start = Date.parse('2025-01-01T00:00:00+07:00');
    for (let round = 0; round < 20; round++) {
      const subscribers: SubscriberFacts[] = Array.from({ length: 300 }, () => {
        const asked = start + Math.floor(random() * 700 * DAY);
        // A few subscribed, left and subscribed again (new records keep the ended ones).
        const pastPeriods = [];
        let at = asked;
        while (random() < 0.15) {
          const c = at + Math.floor(random() * 5 * DAY);
          const u = c + Math.floor(random() * 60 * DAY);
          pastPeriods.push({
            confirmedAt: random() < 0.9 ? new Date(c) : null,
            unsubscribedAt: new Date(u),
          });
          at = u + Math.floor(random() * 30 * DAY);
        }
        const confirmed = random() < 0.8 ? at + Math.floor(random() * 5 * DAY) : null;
        // Some unsubscribed, and a few of those confirmed again later as a record written
        // before past periods were kept says it (the earlier unsubscribe, the later confirmation).
        const r = random();
        const unsubscribed =
          confirmed === null || r < 0.7
            ? null
            : r < 0.9
              ? confirmed + Math.floor(random() * 90 * DAY)
              : confirmed - Math.floor(random() * 3 * DAY);
        return {
          createdAt: new Date(asked),
          confirmedAt: confirmed === null ? null : new Date(confirmed),
          unsubscribedAt: unsubscribed === null ? null : new Date(unsubscribed),
          ...(pastPeriods.length ? { pastPeriods } : {}),
        };
      });
      const from = new Date(start + Math.floor(random() * 400 * DAY));
      const to = new Date(from.getTime() + (1 + Math.floor(random() * 300)) * DAY);
      for (const granularity of ['DAY', 'WEEK', 'MONTH'] as const) {
        const buckets = statBuckets(from, to, granularity);
        expect(subscriberStats(buckets, subscribers)).toEqual(reference(buckets, subscribers));
      }
    }
  });

  it('counts an address that left and came back as subscribed again, with each confirmation and unsubscribe', () => {
    const d = (day: string) => new Date(`${day}T12:00:00+07:00`);
    const buckets = statBuckets(d('2026-10-01'), d('2026-12-31'), 'MONTH');
    const stats = subscriberStats(buckets, [
      // Confirmed in October, left in November, confirmed again in December.
      {
        createdAt: d('2026-10-01'),
        confirmedAt: d('2026-12-05'),
        unsubscribedAt: null,
        pastPeriods: [{ confirmedAt: d('2026-10-02'), unsubscribedAt: d('2026-11-10') }],
      },
      // The same story in a record written before past periods were kept.
      { createdAt: d('2026-10-01'), confirmedAt: d('2026-12-06'), unsubscribedAt: d('2026-11-11') },
    ]);
    expect(
      stats.series.map(({ confirmations, unsubscribes, subscribersAtEnd }) => ({
        confirmations,
        unsubscribes,
        subscribersAtEnd,
      })),
    ).toEqual([
      // The legacy record lost its October confirmation (overwritten by December's).
      { confirmations: 1, unsubscribes: 0, subscribersAtEnd: 1 },
      { confirmations: 0, unsubscribes: 2, subscribersAtEnd: 0 },
      { confirmations: 2, unsubscribes: 0, subscribersAtEnd: 2 },
    ]);
    expect(stats.subscribersAtEnd).toBe(2);
  });
});
