// The web portal's ops port: /readyz follows the gateway, /metrics counts requests by route
// class and server-rendering errors — against the real server rendering real pages (Vite).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, startOpsServer } from '@portal/http';
import { freePort, workspaceRoot } from '@portal/local-services';
import { metricValue, waitUntil } from '@portal/testing';
import { createPortalWebOps, routeClass, type PortalWebOps } from '../src/ops';
import { startPortalWeb, type PortalWebServer } from '../src/server';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** An HTTP listener answering /graphql with `status` (what stands at GATEWAY_URL). */
async function answering(status: number): Promise<string> {
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { __typename: 'Query' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** The portal's ops side on an ops server, as the shared runtime (runHttpApp) serves it. */
async function opsFor(graphqlUrl: string): Promise<{ ops: PortalWebOps; url: string }> {
  const ops = createPortalWebOps({ graphqlUrl, metrics: createMetrics('portal-web') });
  const server = await startOpsServer({
    port: 0,
    host: '127.0.0.1',
    metrics: ops.metrics,
    readiness: [ops.readiness],
  });
  closers.push(() => server.close());
  return { ops, url: server.url };
}

describe('route classes', () => {
  it('bound the label to a few classes and the route ids', () => {
    expect(routeClass('/bai-viet/abc', 'routes/article')).toBe('document:routes/article');
    expect(routeClass('/bai-viet/abc.data', undefined)).toBe('data');
    expect(routeClass('/assets/root-abc.js', undefined)).toBe('asset');
    expect(routeClass('/robots.txt', undefined)).toBe('file');
    expect(routeClass('/khong-co', 'root')).toBe('unmatched');
    expect(routeClass('/khong-co/x', undefined)).toBe('unmatched');
  });
});

describe('/readyz', () => {
  it('is not ready while nothing answers at the gateway, nor when it answers 5xx', async () => {
    const down = await opsFor(`http://127.0.0.1:${await freePort()}/graphql`);
    const res = await fetch(`${down.url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { checks: Record<string, string> }).checks.gateway).toMatch(
      /gateway unreachable/,
    );
    const failing = await opsFor(await answering(502));
    const bad = await fetch(`${failing.url}/readyz`);
    expect(bad.status).toBe(503);
    expect(((await bad.json()) as { checks: Record<string, string> }).checks.gateway).toBe(
      'gateway answered 502',
    );
  });

  it('is ready when the gateway answers (a refused query too)', async () => {
    for (const status of [200, 400]) {
      const up = await opsFor(await answering(status));
      const res = await fetch(`${up.url}/readyz`);
      expect(res.status, `gateway answering ${status}`).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ready', checks: { gateway: 'ok' } });
    }
  });
});

describe('/metrics of the rendering server', () => {
  let web: PortalWebServer;
  let ops: { ops: PortalWebOps; url: string };
  const scrape = async () => (await fetch(`${ops.url}/metrics`)).text();

  beforeAll(async () => {
    // Sign-in through an identity provider that does not answer: its action throws.
    const issuer = `http://127.0.0.1:${await freePort()}`;
    ops = await opsFor(`http://127.0.0.1:${await freePort()}/graphql`);
    const port = await freePort();
    web = await startPortalWeb({
      port,
      host: '127.0.0.1',
      config: {
        graphqlUrl: `http://127.0.0.1:${await freePort()}/graphql`,
        publicUrl: `http://127.0.0.1:${port}`,
        gatewayPublicUrl: 'http://127.0.0.1:4000',
        production: false,
        sessionSecret: 'test-session-secret-0123456789abcdef',
        auth: { mode: 'oidc', issuer, clientId: 'portal-web', scopes: 'openid' },
      },
      appRoot: join(workspaceRoot(), 'apps', 'portal-web'),
      mediaOrigins: [],
      ops: ops.ops,
    });
    closers.push(() => web.close());
  }, 120_000);

  it('counts pages by the route that rendered them, data requests, unmatched pages and /healthz', async () => {
    // Each answer read to its end: a response is counted once it is finished.
    const status = async (path: string) => {
      const res = await fetch(`${web.url}${path}`);
      await res.text();
      return res.status;
    };
    expect(await status('/dang-nhap')).toBe(200);
    expect(await status('/dang-nhap.data')).toBe(200);
    expect(await status('/khong-co-trang-nay')).toBe(404);
    expect(await status('/healthz')).toBe(200);
    const text = await waitUntil(
      async () => {
        const t = await scrape();
        return metricValue(t, 'http_request_duration_seconds_count') >= 4 ? t : null;
      },
      { what: 'request metrics' },
    );
    const count = (route: string, status: string) =>
      metricValue(text, 'http_request_duration_seconds_count', { route, status });
    expect(count('document:routes/sign-in', '200')).toBe(1);
    expect(count('data', '200')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    expect(count('/healthz', '200')).toBe(1);
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*service="portal-web"/);
    expect(metricValue(text, 'portal_web_ssr_errors_total')).toBe(0);
  }, 120_000);

  it('counts an error a loader or action throws as an SSR error', async () => {
    const res = await fetch(`${web.url}/dang-nhap`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'returnTo=%2F',
    });
    expect(res.status).toBe(500);
    await res.text();
    const text = await waitUntil(
      async () => {
        const t = await scrape();
        return metricValue(t, 'portal_web_ssr_errors_total', { phase: 'loader' }) === 1 ? t : null;
      },
      { what: 'the SSR error on /metrics' },
    );
    expect(
      metricValue(text, 'http_request_duration_seconds_count', {
        route: 'document:routes/sign-in',
        status: '500',
      }),
    ).toBe(1);
  }, 120_000);
});
