import { describe, expect, it } from 'vitest';
import type { PortalLoadContext } from '../app/lib/context';
import { pageViewOf } from '../app/lib/page-view.server';
import { monthPeriod, recentMonths } from '../app/lib/report-month';

const context: PortalLoadContext = {
  config: {
    graphqlUrl: 'http://127.0.0.1:1/graphql',
    publicUrl: 'http://portal.test',
    gatewayPublicUrl: 'http://127.0.0.1:1',
    production: false,
    sessionSecret: 'test-secret',
    auth: { mode: 'dev', keysDir: '/nonexistent' },
  },
  nonce: 'n',
  clientIp: '127.0.0.1',
  requestId: 'r',
};
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';

const visit = (url: string, headers: Record<string, string>, method = 'GET') =>
  pageViewOf(new Request(url, { method, headers }), context);

describe('page views the portal reports', () => {
  it('reports a reader arriving from elsewhere, with the classes the statistics count', async () => {
    expect(
      await visit('http://portal.test/thu-vien/so-tay?utm_source=ban-tin', {
        'user-agent': PHONE_UA,
        referer: 'https://www.google.com/',
      }),
    ).toEqual({
      view: {
        device: 'MOBILE',
        region: 'UNKNOWN',
        referrer: 'https://www.google.com/',
        campaign: 'ban-tin',
      },
      token: null,
    });
    // Another page of the portal is a new view of this one.
    expect(
      await visit('http://portal.test/dien-dan/1.data', {
        'user-agent': PHONE_UA,
        referer: 'http://portal.test/dien-dan',
      }),
    ).not.toBeNull();
  });

  it('does not count crawlers, form posts, or a page reloading its data after a form on it', async () => {
    expect(
      await visit('http://portal.test/bai-viet/a', {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      }),
    ).toBeNull();
    expect(
      await visit('http://portal.test/bai-viet/a', { 'user-agent': PHONE_UA }, 'POST'),
    ).toBeNull();
    expect(
      await visit('http://portal.test/bai-viet/a.data', {
        'user-agent': PHONE_UA,
        referer: 'http://portal.test/bai-viet/a',
      }),
    ).toBeNull();
  });
});

describe('report months', () => {
  it('are city months (UTC+7) with their instants', () => {
    expect(monthPeriod('2026-12')).toEqual({
      from: '2026-11-30T17:00:00.000Z',
      to: '2026-12-31T17:00:00.000Z',
    });
    expect(monthPeriod('2026-13')).toBeNull();
    expect(monthPeriod('2026-1')).toBeNull();
    // 31 December 18:00 UTC is already January in the city.
    expect(recentMonths(new Date('2026-12-31T18:00:00Z'), 3)).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
    ]);
  });
});
