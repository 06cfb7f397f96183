import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS } from '@portal/config';
import { stackUrlsEnv } from './portal-stack';

describe('stackUrlsEnv', () => {
  it("points every app at the others on loopback, at the stack's ports", () => {
    expect(stackUrlsEnv((name) => DEFAULT_PORTS[name] + 20000)).toEqual({
      GATEWAY_URL: 'http://127.0.0.1:24000',
      CONTENT_URL: 'http://127.0.0.1:24001',
      LIBRARY_URL: 'http://127.0.0.1:24002',
      FORUM_URL: 'http://127.0.0.1:24003',
      BULLETIN_URL: 'http://127.0.0.1:24004',
      REFERRAL_URL: 'http://127.0.0.1:24005',
      ENGAGEMENT_URL: 'http://127.0.0.1:24006',
      ASSISTANT_URL: 'http://127.0.0.1:24007',
      HOTLINE_URL: 'http://127.0.0.1:24010',
      OPENDATA_URL: 'http://127.0.0.1:24011',
    });
  });
});
