// Portal statistics, the bulletin's parts: issue views and audio plays on the real hot
// counter (flushed by the maintenance job) and subscribers over time, checked exactly.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayEnd, dayKey, dayStart, portalStatsKey } from '@portal/db';
import { errorCodes, testViewer } from '@portal/testing';
import { createBulletinMaintenanceProcessor } from '../src/jobs/bulletin-maintenance.processor';
import { allCounters } from '../src/stats/bulletin-stats.service';
import { CREATE_ISSUE, useBulletin } from './support/harness';

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
    const res = await b.as('editor', ENTITIES, {
      variables: { r: [{ __typename: 'PortalStats', id }] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities[0].bulletinSubscribers).toEqual({
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
    const res = await b.as('admin', ENTITIES, {
      variables: { r: [{ __typename: 'PortalStats', id }] },
    });
    expect(res.errors).toBeUndefined();
    const stats = res.data?._entities[0];
    expect(stats.bulletinIssues).toEqual({
      views: 2,
      uniqueReaders: 2,
      anonymousViews: 2,
      byReferrer: [
        { referrer: 'SEARCH', views: 1 },
        { referrer: 'SOCIAL', views: 0 },
        { referrer: 'DIRECT', views: 0 },
        { referrer: 'BULLETIN', views: 1 },
        { referrer: 'PARTNER', views: 0 },
        { referrer: 'OTHER', views: 0 },
      ],
    });
    expect(stats.bulletinAudioOpens).toEqual({
      views: 1,
      uniqueReaders: 1,
      byDevice: [
        { device: 'DESKTOP', views: 0 },
        { device: 'MOBILE', views: 1 },
        { device: 'TABLET', views: 0 },
      ],
    });
  });

  it('answers editors and admins only', async () => {
    const id = portalStatsKey({
      from: new Date('2025-10-01T00:00:00Z'),
      to: new Date('2025-11-01T00:00:00Z'),
      granularity: 'WEEK',
    });
    const variables = { r: [{ __typename: 'PortalStats', id }] };
    expect(errorCodes(await b.as('anonymous', ENTITIES, { variables }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await b.as(testViewer('citizen'), ENTITIES, { variables }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await b.as('moderator', ENTITIES, { variables }))).toEqual(['FORBIDDEN']);
  });
});
