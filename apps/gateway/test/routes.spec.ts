import { createHash, randomBytes } from 'node:crypto';
import { get, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { TEST_INTERNAL_SECRET, internalTokenFor, testViewer } from '@portal/testing';
import { useTestStack } from './support/test-gateway';

const stack = useTestStack('routes');

/** Streams `size` random bytes as a chunked upload (no Content-Length), hashing what was sent. */
function upload(url: string, size: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: any; sentSha256: string }>((resolve, reject) => {
    const hash = createHash('sha256');
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/pdf', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text),
            sentSha256: hash.digest('hex'),
          }),
        );
      },
    );
    req.on('error', reject);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const chunk = randomBytes(Math.min(256 * 1024, size - sent));
        hash.update(chunk);
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('forwarded HTTP routes', () => {
  it('streams an upload far over the GraphQL body limit to the library, with the viewer attached', async () => {
    const { url, personToken } = await stack();
    const editor = await personToken({ role: 'editor', sub: 'e1' });
    const res = await upload(`${url}/uploads`, 12 * 1024 * 1024, {
      authorization: `Bearer ${editor}`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ bytes: 12 * 1024 * 1024, sha256: res.sentSha256, viewerId: 'e1' });
  });

  it('keeps Range, ETag and Content-Disposition intact on downloads', async () => {
    const { url, subgraphs } = await stack();
    const full = await fetch(`${url}/files/report.pdf`);
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(subgraphs.file)).toBe(true);
    const etag = full.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(full.headers.get('content-disposition')).toMatch(
      /^attachment; filename=.*filename\*=UTF-8''B%C3%A1o%20c%C3%A1o/,
    );
    expect(full.headers.get('accept-ranges')).toBe('bytes');

    const part = await fetch(`${url}/files/report.pdf`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${subgraphs.file.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(subgraphs.file.subarray(100, 200))).toBe(
      true,
    );

    // node:http rather than fetch, which adds Cache-Control: no-cache to conditional requests.
    const unchanged = await new Promise<number>((resolve, reject) =>
      get(`${url}/files/report.pdf`, { headers: { 'if-none-match': etag! } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject),
    );
    expect(unchanged).toBe(304);
  });

  it('replaces the caller credentials with the internal token and passes the request id and address', async () => {
    const { url, personToken } = await stack();
    const token = await personToken({ role: 'moderator', sub: 'm1' });
    const forged = await internalTokenFor(testViewer('admin', { id: 'intruder' }), {
      secret: TEST_INTERNAL_SECRET,
    });
    const res = await fetch(`${url}/feeds/echo?format=atom`, {
      headers: {
        authorization: `Bearer ${token}`,
        'x-portal-viewer': forged,
        'x-request-id': 'req-route-00000001',
      },
    });
    expect(res.status).toBe(200);
    const echo = (await res.json()) as any;
    expect(echo.viewer).toMatchObject({ id: 'm1', roles: expect.arrayContaining(['moderator']) });
    expect(echo).toMatchObject({
      requestId: 'req-route-00000001',
      authorization: null,
      apiKey: null,
      query: { format: 'atom' },
    });
    expect(echo.clientKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(echo.forwardedFor).toMatch(/127\.0\.0\.1/);

    const anonymous = (await (
      await fetch(`${url}/feeds/echo`, { headers: { 'x-portal-viewer': forged } })
    ).json()) as any;
    expect(anonymous.viewer).toMatchObject({ id: null, roles: [] });
  });

  it('refuses bad credentials with 401 and keys without the route scope with 403', async () => {
    const { url, gateway } = await stack();
    const bad = await fetch(`${url}/feeds/echo`, { headers: { authorization: 'Bearer broken' } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).error.code).toBe('UNAUTHENTICATED');

    const { key } = await gateway.apiKeys.create({
      name: 'Báo Tuổi Trẻ',
      scopes: ['content:read'],
      tier: 'standard',
    });
    const feed = await fetch(`${url}/feeds/echo`, { headers: { 'x-api-key': key } });
    expect(feed.status).toBe(200);
    expect(((await feed.json()) as any).viewer.apiClient).toMatchObject({
      name: 'Báo Tuổi Trẻ',
      scopes: ['content:read'],
    });

    const write = await upload(`${url}/uploads`, 1024, { 'x-api-key': key });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    const file = await fetch(`${url}/files/report.pdf`, { headers: { 'x-api-key': key } });
    expect(file.status).toBe(403);
  });

  it('bounds a hung service by idle time: 504 when it never answers, a cut stream when it stalls', async () => {
    const { startAnother } = await stack();
    const gw = await startAnother({ routeIdleTimeoutMs: 800 });
    let started = Date.now();
    const hung = await fetch(`${gw.url}/files/hang`);
    expect(hung.status).toBe(504);
    expect(((await hung.json()) as any).error.message).toBe(
      'The library service did not answer in time',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    started = Date.now();
    const stalled = await fetch(`${gw.url}/files/stall`);
    expect(stalled.status).toBe(200);
    await expect(stalled.arrayBuffer()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers 502 when the owning service is down, and 404 for unknown paths', async () => {
    const { url, subgraphs } = await stack();
    expect((await fetch(`${url}/nothing-here`)).status).toBe(404);
    await subgraphs.stop('content');
    const res = await fetch(`${url}/feeds/echo`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as any).error).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'The content service is unavailable',
    });
  });
});
