import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeRequest } from '../domain/hotline-protocol';
import {
  HotlineError,
  MAX_RETRY_AFTER_MS,
  createHotlineClient,
  parseRetryAfter,
} from './hotline-client';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-03T08:00:00Z');

  it('reads delta-seconds and HTTP-dates, in ms', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 08:00:30 GMT', now)).toBe(30_000);
    // A date already past: try now.
    expect(parseRetryAfter('Thu, 03 Dec 2026 07:59:00 GMT', now)).toBe(0);
  });

  it('bounds it, and ignores what it cannot read', () => {
    expect(parseRetryAfter('999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
    for (const bad of [null, '', '-5', '1.5', 'soon', '12 s'])
      expect(parseRetryAfter(bad, now), String(bad)).toBeNull();
  });
});

describe('the hotline client on a throttling hotline', () => {
  let server: Server;
  let url: string;
  let answer: { status: number; headers?: Record<string, string> } = { status: 429 };
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify({ error: 'nope' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const submit = () =>
    createHotlineClient({ url, apiKey: 'k'.repeat(20), timeoutMs: 5000 })
      .submit({} as IntakeRequest, 'key-1')
      .catch((err: unknown) => err);

  it('makes a 429 retryable, carrying its Retry-After', async () => {
    answer = { status: 429, headers: { 'retry-after': '7' } };
    const err = await submit();
    expect(err).toBeInstanceOf(HotlineError);
    expect(err).toMatchObject({ retryable: true, status: 429, retryAfterMs: 7000 });
    expect((err as Error).message).toContain('HTTP 429 (retry after 7 s)');
  });

  it('without Retry-After, or on a refusal, asks for no particular wait', async () => {
    answer = { status: 429 };
    expect(await submit()).toMatchObject({ retryable: true, retryAfterMs: null });
    answer = { status: 503, headers: { 'retry-after': '3' } };
    expect(await submit()).toMatchObject({ retryable: true, retryAfterMs: 3000 });
    // A refusal is not retried, whatever the header says.
    answer = { status: 401, headers: { 'retry-after': '3' } };
    expect(await submit()).toMatchObject({ retryable: false, retryAfterMs: null });
  });
});
