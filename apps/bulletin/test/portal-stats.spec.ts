// Portal statistics, the bulletin's parts: issue views and audio plays on the real hot
// counter (flushed by the maintenance job) and subscribers over time, checked exactly.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayEnd, dayKey, dayStart, portalStatsKey } from '@portal/db';
import {
  EDITORS_AND_ADMINS_ONLY,
  errorCodes,
  expectErrorCodes,
  portalStatsEntity,
  resolvedPortalStats,
  testViewer,
  viewsByDevice,
  viewsByReferrer,
} from '@portal/testing';
import { signSubscriptionToken } from '../src/domain/subscription-token';
import { createBulletinMaintenanceProcessor } from '../src/jobs/bulletin-maintenance.processor';
import { allCounters } from '../src/stats/bulletin-stats.service';
import { subscriberFactsStore } from '../src/stats/subscriber-facts';
import { CREATE_ISSUE, SUBSCRIPTION_SECRET, useBulletin } from './support/harness';

const b = useBulletin('portal-stats');

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats {
  bulletinIssues { views uniqueReaders anonymousViews byReferrer { referrer views } }
  bulletinAudioOpens { views uniqueReaders byDevice { device views } }
  bulletinSubscribers {
    confirmations unsubscribes subscribersAtStart subscribersAtEnd
    series { requested confirmations unsubscribes subscribersAtEnd }
  }
} } }`;
const VIEW =
  'mutation($id: ID!, $view: PageViewInput!) { recordBulletinIssueView(id: $id, view: $view) }';
const AUDIO =
  'mutation($id: ID!, $view: PageViewInput!) { recordBulletinAudioOpen(id: $id, view: $view) }';
const at = (s: string) => new Date(`${s}T12:00:00+07:00`);

describe('portal statistics (bulletin)', () => {
  let issueId: string;
  beforeAll(async () => {
    const created = await b.as('editor', CREATE_ISSUE, {
      variables: { input: { year: 2025, month: 11, title: 'Bản tin tháng 11' } },
    });
    issueId = created.data?.createBulletinIssue.id;
    await b.models.issues.updateOne(
      { _id: new Types.ObjectId(issueId) },
      { $set: { status: 'PUBLISHED', publishedAt: new Date() } },
    );
    const sub = (
      email: string,
      createdAt: string,
      confirmedAt: string | null,
      unsubscribedAt: string | null,
    ) => ({
      email,
      status: unsubscribedAt ? 'UNSUBSCRIBED' : confirmedAt ? 'CONFIRMED' : 'PENDING',
      nonce: 'n',
      createdAt: at(createdAt),
      updatedAt: at(createdAt),
      confirmedAt: confirmedAt ? at(confirmedAt) : null,
      unsubscribedAt: unsubscribedAt ? at(unsubscribedAt) : null,
    });
    await b.models.subscribers.create([
      sub('a@so.vn', '2025-09-10', '2025-09-10', null),
      sub('b@so.vn', '2025-10-02', '2025-10-03', '2025-11-15'),
      sub('c@so.vn', '2025-10-20', '2025-11-01', null),
      sub('d@so.vn', '2025-11-05', '2025-11-06', null),
      sub('e@so.vn', '2025-11-25', null, null),
      sub('f@so.vn', '2025-12-01', '2025-12-02', null),
    ]);
  });

  it('counts subscribers over time: requests, confirmations, unsubscribes, subscribed at each end', async () => {
    const id = portalStatsKey({
      from: new Date('2025-10-01T00:00:00+07:00'),
      to: new Date('2025-12-01T00:00:00+07:00'),
      granularity: 'MONTH',
    });
    const res = await b.as('editor', ENTITIES, { variables: portalStatsEntity(id) });
    expect(resolvedPortalStats(res).bulletinSubscribers).toEqual({
      confirmations: 3,
      unsubscribes: 1,
      subscribersAtStart: 1,
      // a, c and d (b unsubscribed on November 15; e never confirmed; f came in December).
      subscribersAtEnd: 3,
      series: [
        { requested: 2, confirmations: 1, unsubscribes: 0, subscribersAtEnd: 2 },
        { requested: 2, confirmations: 2, unsubscribes: 1, subscribersAtEnd: 3 },
      ],
    });
  });

  it('reads the same subscribers from the month facts once they are built, and every change keeps them current', async () => {
    const stats = b.bulletin.stats;
    const editor = testViewer('editor');
    const store = subscriberFactsStore(b.models);
    const autumn = {
      from: new Date('2025-10-01T00:00:00+07:00'),
      to: new Date('2025-12-01T00:00:00+07:00'),
      granularity: 'WEEK' as const,
    };
    const fromRecords = await stats.subscribersFromRecords(autumn);
    expect(await store.builtAt()).toBeNull();
    expect(await stats.subscribers(editor, autumn)).toEqual(fromRecords);
    const maintenance = createBulletinMaintenanceProcessor({
      models: b.models,
      publishProducer: b.publishProducer,
      logger: b.logger,
      // Unconfirmed requests are forgotten after a day here.
      unconfirmedTtlMs: 24 * 3600_000,
    });
    expect(await maintenance({ task: 'sync-subscribers' })).toEqual({
      task: 'sync-subscribers',
      count: 6,
    });
    expect(await store.builtAt()).toBeInstanceOf(Date);
    expect(await stats.subscribers(editor, autumn)).toEqual(fromRecords);
    expect((await maintenance({ task: 'sync-subscribers' })).count).toBe(0);

    // Asked, confirmed, unsubscribed, and one never confirmed purged: after each change the
    // facts answer what the records do.
    const today = dayKey(new Date());
    const week = {
      from: dayStart(today),
      to: dayEnd(today),
      granularity: 'DAY' as const,
    };
    const same = async () => {
      const facts = await stats.subscribers(editor, week);
      expect(facts).toEqual(await stats.subscribersFromRecords(week));
      return facts.series[0]!;
    };
    const subscribe = (email: string) =>
      b.as('anonymous', 'mutation($e: String!) { subscribeToBulletin(email: $e) }', {
        variables: { e: email },
      });
    expect((await subscribe('truong-phong@quan1.gov.vn')).errors).toBeUndefined();
    expect(await same()).toMatchObject({ requested: 1, confirmations: 0 });
    const record = (await b.models.subscribers
      .findOne({ email: 'truong-phong@quan1.gov.vn' })
      .lean())!;
    const claims = { subscriberId: record._id.toHexString(), nonce: record.nonce };
    const confirm = await signSubscriptionToken('confirm', claims, SUBSCRIPTION_SECRET);
    expect(
      (
        await b.as(
          'anonymous',
          'mutation($t: String!) { confirmBulletinSubscription(token: $t) }',
          {
            variables: { t: confirm },
          },
        )
      ).errors,
    ).toBeUndefined();
    expect(await same()).toMatchObject({ confirmations: 1, subscribersAtEnd: 5 });
    const leave = await signSubscriptionToken('unsubscribe', claims, SUBSCRIPTION_SECRET);
    expect(
      (
        await b.as('anonymous', 'mutation($t: String!) { unsubscribeFromBulletin(token: $t) }', {
          variables: { t: leave },
        })
      ).errors,
    ).toBeUndefined();
    expect(await same()).toMatchObject({ unsubscribes: 1, subscribersAtEnd: 4 });
    // The address comes back and confirms again: a new subscription, the ended one kept.
    const email = 'truong-phong@quan1.gov.vn';
    const confirmAgain = async () => {
      expect((await subscribe(email)).errors).toBeUndefined();
      const asked = (await b.models.subscribers.findOne({ email }).lean())!;
      const again = await signSubscriptionToken(
        'confirm',
        { subscriberId: asked._id.toHexString(), nonce: asked.nonce },
        SUBSCRIPTION_SECRET,
      );
      return b.as('anonymous', 'mutation($t: String!) { confirmBulletinSubscription(token: $t) }', {
        variables: { t: again },
      });
    };
    expect((await confirmAgain()).errors).toBeUndefined();
    expect(await same()).toMatchObject({
      requested: 1,
      confirmations: 2,
      unsubscribes: 1,
      subscribersAtEnd: 5,
    });
    const back = (await b.models.subscribers.findOne({ email }).lean())!;
    expect(back).toMatchObject({ status: 'CONFIRMED', unsubscribedAt: null });
    expect(back.pastPeriods).toEqual([
      { confirmedAt: expect.any(Date), unsubscribedAt: expect.any(Date) },
    ]);
    // It leaves again, then asks once more and never confirms: the request lapses with the
    // others (below), and the address stays, unsubscribed, with both subscriptions counted.
    expect(
      (
        await b.as('anonymous', 'mutation($t: String!) { unsubscribeFromBulletin(token: $t) }', {
          variables: { t: leave },
        })
      ).errors,
    ).toBeUndefined();
    expect((await subscribe(email)).errors).toBeUndefined();
    await b.models.subscribers.updateOne(
      { email },
      { $set: { updatedAt: new Date(Date.now() - 2 * 24 * 3600_000) } },
    );
    const beforeLapse = await same();
    expect(beforeLapse).toMatchObject({ confirmations: 2, unsubscribes: 2, subscribersAtEnd: 4 });
    // e@so.vn never confirmed (asked on 25 November 2025): purged, and gone from the figures.
    expect(await maintenance({ task: 'purge-unconfirmed' })).toEqual({
      task: 'purge-unconfirmed',
      count: 1,
    });
    expect(await b.models.subscribers.findOne({ email }).lean()).toMatchObject({
      status: 'UNSUBSCRIBED',
      pastPeriods: [expect.anything()],
    });
    expect(await same()).toEqual(beforeLapse);
    const asked = new Date('2025-11-25T12:00:00+07:00');
    const week25 = fromRecords.series.findIndex((w) => w.from <= asked && asked < w.to);
    expect(fromRecords.series[week25]!.requested).toBe(1);
    expect((await stats.subscribers(editor, autumn)).series[week25]!.requested).toBe(0);
    expect(await stats.subscribers(editor, autumn)).toEqual(
      await stats.subscribersFromRecords(autumn),
    );
    expect((await maintenance({ task: 'sync-subscribers' })).count).toBe(0);
  });

  it('counts issue views and audio plays on the hot counter, flushed by the maintenance job', async () => {
    const as = (client: string, q: string, view: Record<string, unknown>) =>
      b.asClient(client, q, { variables: { id: issueId, view } });
    expect(
      (await as('k1', VIEW, { device: 'DESKTOP', campaign: 'ban-tin' })).data
        ?.recordBulletinIssueView,
    ).toBe(true);
    expect((await as('k1', VIEW, { device: 'DESKTOP' })).data?.recordBulletinIssueView).toBe(false);
    expect(
      (await as('k2', VIEW, { device: 'MOBILE', referrer: 'https://www.bing.com/' })).data
        ?.recordBulletinIssueView,
    ).toBe(true);
    expect((await as('k1', AUDIO, { device: 'MOBILE' })).data?.recordBulletinAudioOpen).toBe(true);
    expect(
      errorCodes(
        await b.as('anonymous', VIEW, {
          variables: { id: 'f'.repeat(24), view: { device: 'MOBILE' } },
        }),
      ),
    ).toEqual(['NOT_FOUND']);

    const maintenance = createBulletinMaintenanceProcessor({
      models: b.models,
      publishProducer: b.publishProducer,
      logger: b.logger,
      counters: allCounters(b.bulletin.stats.counters),
    });
    expect(await maintenance({ task: 'flush-counters' })).toEqual({
      task: 'flush-counters',
      count: 2,
    });
    const today = dayKey(new Date());
    const id = portalStatsKey({ from: dayStart(today), to: dayEnd(today), granularity: 'DAY' });
    const res = await b.as('admin', ENTITIES, { variables: portalStatsEntity(id) });
    const stats = resolvedPortalStats(res);
    expect(stats.bulletinIssues).toEqual({
      views: 2,
      uniqueReaders: 2,
      anonymousViews: 2,
      byReferrer: viewsByReferrer({ SEARCH: 1, BULLETIN: 1 }),
    });
    expect(stats.bulletinAudioOpens).toEqual({
      views: 1,
      uniqueReaders: 1,
      byDevice: viewsByDevice({ MOBILE: 1 }),
    });
  });

  it('answers editors and admins only', async () => {
    const id = portalStatsKey({
      from: new Date('2025-10-01T00:00:00Z'),
      to: new Date('2025-11-01T00:00:00Z'),
      granularity: 'WEEK',
    });
    const variables = portalStatsEntity(id);
    await expectErrorCodes(
      (who) => b.as(who ?? 'anonymous', ENTITIES, { variables }),
      EDITORS_AND_ADMINS_ONLY,
    );
  });
});
