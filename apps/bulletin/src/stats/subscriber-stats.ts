import { dayEnd, dayStart, type StatBucket } from '@portal/db';

export interface SubscriberFacts {
  createdAt: Date;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
}

export interface SubscriberBucket {
  from: Date;
  to: Date;
  /** Subscriptions asked for in the bucket (unconfirmed ones are forgotten after 30 days). */
  requested: number;
  confirmations: number;
  unsubscribes: number;
  /** Confirmed and not unsubscribed at the bucket's end. */
  subscribersAtEnd: number;
}

export interface SubscriberStats {
  confirmations: number;
  unsubscribes: number;
  subscribersAtStart: number;
  subscribersAtEnd: number;
  series: SubscriberBucket[];
}

const within = (at: Date | null, from: Date, to: Date) => !!at && at >= from && at < to;
const subscribedAt = (s: SubscriberFacts, at: Date) =>
  !!s.confirmedAt && s.confirmedAt < at && !(s.unsubscribedAt && s.unsubscribedAt < at);

/** Subscribers over time: per bucket, requests, confirmations, unsubscribes and the count at its end. */
export function subscriberStats(
  buckets: readonly StatBucket[],
  subscribers: readonly SubscriberFacts[],
): SubscriberStats {
  const series = buckets.map((b) => {
    const from = dayStart(b.firstDay);
    const to = dayEnd(b.lastDay);
    let requested = 0;
    let confirmations = 0;
    let unsubscribes = 0;
    let subscribersAtEnd = 0;
    for (const s of subscribers) {
      if (within(s.createdAt, from, to)) requested++;
      if (within(s.confirmedAt, from, to)) confirmations++;
      if (within(s.unsubscribedAt, from, to)) unsubscribes++;
      if (subscribedAt(s, to)) subscribersAtEnd++;
    }
    return { from, to, requested, confirmations, unsubscribes, subscribersAtEnd };
  });
  const start = series[0]?.from;
  return {
    confirmations: series.reduce((n, b) => n + b.confirmations, 0),
    unsubscribes: series.reduce((n, b) => n + b.unsubscribes, 0),
    subscribersAtStart: start ? subscribers.filter((s) => subscribedAt(s, start)).length : 0,
    subscribersAtEnd: series.at(-1)?.subscribersAtEnd ?? 0,
    series,
  };
}
