import { Types } from 'mongoose';
import { MonthFacts, type CurrentFact } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { BulletinModels, SubscriberRecord } from '../models';
import type { SubscriberFacts } from './subscriber-stats';

/**
 * What the subscribers part needs of one subscriber, kept in the month it first asked
 * (libs/db MonthFacts): when it asked, confirmed and unsubscribed, then each earlier
 * subscription's confirmation and unsubscribe, encoded
 * `[askedMs, confirmedMs, unsubscribedMs, pastConfirmedMs, pastUnsubscribedMs, …]`. A
 * subscriber purged (never confirmed) has none.
 */
type Encoded = [number, number | null, number | null, ...(number | null)[]];

type Dates = Pick<
  SubscriberRecord,
  '_id' | 'createdAt' | 'confirmedAt' | 'unsubscribedAt' | 'pastPeriods'
>;
const DATES = { createdAt: 1, confirmedAt: 1, unsubscribedAt: 1, pastPeriods: 1 } as const;

export function subscriberFactsStore(models: BulletinModels): MonthFacts {
  return new MonthFacts(models.subscribers.db, 'subscriber_stat_facts');
}

function encode(s: Dates): CurrentFact {
  const fact: Encoded = [
    s.createdAt.getTime(),
    s.confirmedAt?.getTime() ?? null,
    s.unsubscribedAt?.getTime() ?? null,
    ...(s.pastPeriods ?? []).flatMap((p) => [
      p.confirmedAt?.getTime() ?? null,
      p.unsubscribedAt.getTime(),
    ]),
  ];
  return { at: s.createdAt, fact: JSON.stringify(fact) };
}

export function decodeSubscriberFacts(stored: readonly { fact: string }[]): SubscriberFacts[] {
  const date = (ms: number | null | undefined) => (ms == null ? null : new Date(ms));
  return stored.map(({ fact }) => {
    const [asked, confirmed, unsubscribed, ...past] = JSON.parse(fact) as Encoded;
    const pastPeriods = [];
    for (let i = 0; i + 1 < past.length; i += 2)
      pastPeriods.push({ confirmedAt: date(past[i]), unsubscribedAt: date(past[i + 1])! });
    return {
      createdAt: new Date(asked),
      confirmedAt: date(confirmed),
      unsubscribedAt: date(unsubscribed),
      ...(pastPeriods.length ? { pastPeriods } : {}),
    };
  });
}

/**
 * Writes one subscriber's fact again from its record, after anything that changes it (asked,
 * confirmed, unsubscribed, purged). A failure is logged, not thrown: the record's own write
 * has happened, and the daily sync repairs it.
 */
export async function refreshSubscriberFact(
  models: BulletinModels,
  id: string | Types.ObjectId,
  logger?: Logger,
): Promise<void> {
  const _id = new Types.ObjectId(id);
  try {
    const s = await models.subscribers.findById(_id, DATES).lean<Dates>().exec();
    const store = subscriberFactsStore(models);
    if (s) await store.put(_id.toHexString(), s.createdAt, encode(s).fact);
    else await store.remove(_id.toHexString());
  } catch (err) {
    logger?.warn(
      { err, subscriberId: _id.toHexString() },
      'subscriber fact not written; the daily sync repairs it',
    );
  }
}

async function factsFromRecords(models: BulletinModels): Promise<Map<string, CurrentFact>> {
  const all = await models.subscribers.find({}, DATES).lean<Dates[]>().exec();
  return new Map(all.map((s) => [s._id.toHexString(), encode(s)]));
}

/** Builds the facts the first time and repairs any a failed write left (MonthFacts.reconcile). */
export async function syncSubscriberFacts(
  models: BulletinModels,
  logger?: Logger,
): Promise<number> {
  const { changed, refreshed } = await subscriberFactsStore(models).reconcile(
    () => factsFromRecords(models),
    (id) => refreshSubscriberFact(models, id, logger),
  );
  if (changed || refreshed) logger?.info({ changed, refreshed }, 'subscriber facts synced');
  return changed;
}
