// Portal statistics, the content part: article audiences by device, region, referrer and
// kind, counted on the real hot counter (Redis) and flushed to FerretDB, checked exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EDITORS_AND_ADMINS_ONLY,
  errorCodes,
  expectErrorCodes,
  portalStatsEntity,
  testViewer,
  viewsByRegion,
  viewsByReferrer,
} from '@portal/testing';
import { dayKey, dayStart, dayEnd } from '@portal/db';
import { createPublished, useContentServer } from './content-harness';

const h = useContentServer('content-portal-stats');

const RECORD = `mutation RecordArticleView($id: ID!, $device: DeviceClass!, $region: AudienceRegion, $referrer: String, $campaign: String) {
  recordArticleView(id: $id, device: $device, region: $region, referrer: $referrer, campaign: $campaign)
}`;
const STATS = `query PortalStats($from: DateTime!, $to: DateTime!, $granularity: StatGranularity!) {
  portalStats(from: $from, to: $to, granularity: $granularity) {
    id from to granularity
    articles {
      views uniqueReaders uniqueReadersApproximate signedInViews anonymousViews
      byDevice { device views share }
      byRegion { region views }
      byReferrer { referrer views }
      series { from to views uniqueReaders }
    }
    articlesByKind { kind views uniqueReaders }
  }
}`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats { articles { views } } } }`;

const today = dayKey(new Date());
const period = (granularity: string) => ({
  from: dayStart(today).toISOString(),
  to: dayEnd(today).toISOString(),
  granularity,
});

describe('portalStats (content: articles)', () => {
  beforeAll(async () => {
    const news = await createPublished(h, { title: 'Tin chuyển đổi số', kind: 'NEWS' });
    const handbook = await createPublished(h, { title: 'Cẩm nang', kind: 'HANDBOOK' });
    const view = async (
      who: ReturnType<typeof testViewer> | null,
      vars: Record<string, unknown>,
      clientKey?: string,
    ) => {
      const res = await h.call(who, RECORD, vars, clientKey ? { clientKey } : {});
      expect(res.errors).toBeUndefined();
      expect(res.data?.recordArticleView).toBe(true);
    };
    const n = news.id;
    const hb = handbook.id;
    await view(
      null,
      {
        id: n,
        device: 'DESKTOP',
        region: 'HCMC',
        referrer: 'https://www.google.com.vn/search?q=cds',
      },
      'anon-1',
    );
    await view(
      null,
      { id: n, device: 'MOBILE', region: 'OTHER_PROVINCE', referrer: 'https://m.facebook.com/' },
      'anon-2',
    );
    await view(null, { id: hb, device: 'MOBILE', region: 'ABROAD', campaign: 'ban-tin' }, 'anon-2');
    await view(testViewer('citizen', { id: 'dan-1' }), {
      id: hb,
      device: 'TABLET',
      region: 'HCMC',
    });
    // Two signed-in people behind one office address count as two readers.
    await view(testViewer('citizen', { id: 'dan-2' }), {
      id: n,
      device: 'DESKTOP',
      referrer: 'https://quan1.hochiminhcity.gov.vn/tin',
    });
    await view(testViewer('citizen', { id: 'dan-3' }), {
      id: n,
      device: 'DESKTOP',
      region: 'HCMC',
      referrer: 'https://example.org/x',
    });
    // A repeat within the window counts nothing.
    const again = await h.call(null, RECORD, { id: n, device: 'DESKTOP' }, { clientKey: 'anon-1' });
    expect(again.data?.recordArticleView).toBe(false);
    await h.services.views.flush();
  });

  it('reports views exactly and readers by HyperLogLog, by device, region, referrer and kind', async () => {
    const res = await h.call('editor', STATS, period('DAY'));
    expect(res.errors).toBeUndefined();
    const stats = res.data?.portalStats;
    expect(stats.granularity).toBe('DAY');
    expect(stats.articles).toMatchObject({
      views: 6,
      uniqueReaders: 5,
      uniqueReadersApproximate: true,
      signedInViews: 3,
      anonymousViews: 3,
    });
    expect(stats.articles.byDevice).toEqual([
      { device: 'DESKTOP', views: 3, share: 0.5 },
      { device: 'MOBILE', views: 2, share: 2 / 6 },
      { device: 'TABLET', views: 1, share: 1 / 6 },
    ]);
    expect(stats.articles.byRegion).toEqual(
      viewsByRegion({ HCMC: 3, OTHER_PROVINCE: 1, ABROAD: 1, UNKNOWN: 1 }),
    );
    expect(stats.articles.byReferrer).toEqual(
      viewsByReferrer({ SEARCH: 1, SOCIAL: 1, DIRECT: 1, BULLETIN: 1, PARTNER: 1, OTHER: 1 }),
    );
    expect(stats.articles.series).toEqual([
      {
        from: dayStart(today).toISOString(),
        to: dayEnd(today).toISOString(),
        views: 6,
        uniqueReaders: 5,
      },
    ]);
    const kinds = Object.fromEntries(
      stats.articlesByKind.map((k: { kind: string; views: number; uniqueReaders: number }) => [
        k.kind,
        k,
      ]),
    );
    expect(kinds.NEWS).toEqual({ kind: 'NEWS', views: 4, uniqueReaders: 4 });
    expect(kinds.HANDBOOK).toEqual({ kind: 'HANDBOOK', views: 2, uniqueReaders: 2 });
    expect(kinds.PLAN).toEqual({ kind: 'PLAN', views: 0, uniqueReaders: 0 });
  });

  it('is for editors and admins, in the query and in entity resolution', async () => {
    const p = period('WEEK');
    await expectErrorCodes((who) => h.call(who, STATS, p), EDITORS_AND_ADMINS_ONLY);
    const ok = await h.call('admin', STATS, p);
    expect(ok.errors).toBeUndefined();
    const id = ok.data?.portalStats.id;
    const entity = portalStatsEntity(id);
    await expectErrorCodes((who) => h.call(who, ENTITIES, entity), EDITORS_AND_ADMINS_ONLY);
    expect((await h.call('editor', ENTITIES, entity)).data?._entities).toEqual([
      { articles: { views: 6 } },
    ]);
  });

  it('refuses bad periods and keys', async () => {
    const reversed = await h.call('editor', STATS, {
      ...period('DAY'),
      from: period('DAY').to,
      to: period('DAY').from,
    });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const bad = await h.call('editor', ENTITIES, portalStatsEntity('x|y|DAY'));
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});
