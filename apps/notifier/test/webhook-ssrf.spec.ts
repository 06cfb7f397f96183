import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { postWebhook } from '../src/delivery/webhook-client';
import { parseAllowList } from '../src/domain/webhook-address';
import { addEndpoint, enabledFrom } from '../src/models/webhook-endpoint.repository';
import { useTestNotifier } from './support/harness';
import { articlePublished } from './support/sample-messages';
import { WebhookReceiver } from './support/webhook-receiver';

// Webhook SSRF (issue 14 item 5): the notifier must not POST signed bodies into its own
// networks, whatever the notation, at registration or when it connects.

const NOTHING_ALLOWED = parseAllowList('');
const t = useTestNotifier('notifier_ssrf', async (onClose) => {
  const receiver = await new WebhookReceiver().start();
  onClose(() => receiver.stop());
  return {
    receiver,
    port: Number(new URL(receiver.url()).port),
    // A production notifier: no allow-list at all.
    options: {
      smtpUrl: 'smtp://127.0.0.1:1',
      webhook: { maxAttempts: 3, timeoutMs: 2000, allowedHosts: NOTHING_ALLOWED },
    },
  };
});

const internal = () => [
  `http://127.0.0.1:${t.port}/hooks`,
  `http://0x7f000001:${t.port}/hooks`,
  `http://2130706433:${t.port}/hooks`,
  `http://0177.0.0.1:${t.port}/hooks`,
  `http://127.1:${t.port}/hooks`,
  `http://[::1]:${t.port}/hooks`,
  `http://[::ffff:127.0.0.1]:${t.port}/hooks`,
  `http://[::ffff:7f00:1]:${t.port}/hooks`,
  `http://[0:0:0:0:0:ffff:7f00:1]:${t.port}/hooks`,
  `http://localhost:${t.port}/hooks`,
  `http://LOCALHOST.:${t.port}/hooks`,
  `http://api.localhost:${t.port}/hooks`,
  `http://vm:${t.port}/hooks`,
  'http://169.254.169.254/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://10.0.0.1/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://224.0.0.1/',
  'http://0.0.0.0/',
  'http://[::]/',
  'http://[fe80::1]/',
  'http://[64:ff9b::7f00:1]/',
  'http://[2002:7f00:1::]/',
];

describe('registration', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast and metadata addresses in every notation', async () => {
    for (const url of internal()) {
      await expect(
        addEndpoint(
          t.models,
          { partner: 'Kẻ tấn công', url, events: ['article.published'] },
          { requireHttps: false, allowedHosts: NOTHING_ALLOWED },
        ),
        url,
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'url' }] });
    }
    expect(await t.models.WebhookEndpoint.countDocuments()).toBe(0);
  });

  it('accepts an allow-listed development receiver, by host or host and port', async () => {
    for (const allowed of ['127.0.0.1', `127.0.0.1:${t.port}`]) {
      const { endpoint } = await addEndpoint(
        t.models,
        { partner: 'Máy nhận thử', url: t.receiver.url('/dev'), events: ['bulletin.published'] },
        { requireHttps: false, allowedHosts: parseAllowList(allowed) },
      );
      await t.models.WebhookEndpoint.deleteOne({ _id: endpoint.id });
    }
    await expect(
      addEndpoint(
        t.models,
        {
          partner: 'Cổng khác',
          url: `http://127.0.0.1:${t.port + 1}/`,
          events: ['bulletin.published'],
        },
        { requireHttps: false, allowedHosts: parseAllowList(`127.0.0.1:${t.port}`) },
      ),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('delivery', () => {
  it('never connects to an internal address stored before the rule, and keeps no response body', async () => {
    const now = new Date();
    // As if registered earlier (or written straight to the database): the worker checks again.
    for (const url of [`http://127.0.0.1:${t.port}/stored`, `http://localhost:${t.port}/stored`])
      await t.models.WebhookEndpoint.create({
        partner: 'Cũ',
        url,
        events: ['article.published'],
        secret: 'whsec_test',
        ...enabledFrom(now),
        createdAt: now,
      });
    t.receiver.reply = () => ({ status: 500 });
    await t.send(articlePublished('article.published.ssrf.1'));
    await t.idle();
    expect(t.receiver.requests).toHaveLength(0);
    const deliveries = await t.deliveries({ notificationId: 'article.published.ssrf.1' });
    expect(deliveries).toHaveLength(2);
    for (const d of deliveries) {
      // Refused for good on the first attempt: no retries against an internal host.
      expect(d).toMatchObject({ status: 'failed', attempts: 1 });
      expect(d.lastError).toMatch(/loopback|local name/);
    }
  });

  it('checks the address a name resolves to when the socket connects (DNS rebinding)', async () => {
    const rebound = (address: string, family: number) => {
      const calls: string[] = [];
      const resolve = (
        hostname: string,
        _options: unknown,
        callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
      ) => {
        calls.push(hostname);
        callback(null, [{ address, family }]);
      };
      return { resolve, calls };
    };
    const url = `http://partner.example.vn:${t.port}/rebound`;
    for (const [address, family] of [
      ['127.0.0.1', 4],
      ['::ffff:127.0.0.1', 6],
      ['169.254.169.254', 4],
      ['10.1.2.3', 4],
    ] as const) {
      const dns = rebound(address, family);
      const res = await postWebhook(url, '{}', {}, 2000, NOTHING_ALLOWED, dns.resolve);
      expect(dns.calls).toEqual(['partner.example.vn']);
      expect(res).toMatchObject({ ok: false, status: null, refused: true });
      expect(res.ok || res.reason).toMatch(/^refused: partner\.example\.vn resolves to a /);
    }
    expect(t.receiver.to('/rebound')).toHaveLength(0);
    // A public answer passes the check (and then fails to connect: no route from this machine).
    const publicAnswer = rebound('93.184.215.14', 4);
    const res = await postWebhook(url, '{}', {}, 500, NOTHING_ALLOWED, publicAnswer.resolve);
    expect(res).toMatchObject({ ok: false });
    expect(res.ok || res.refused).toBeFalsy();
  });

  it('does not follow redirects and keeps only the status of an answer', async () => {
    const allow = parseAllowList('127.0.0.1');
    t.receiver.reply = (req) =>
      req.path === '/redirect'
        ? { status: 302, headers: { location: `http://127.0.0.1:${t.port}/target` } }
        : { status: 500 };
    const redirected = await postWebhook(t.receiver.url('/redirect'), '{}', {}, 2000, allow);
    expect(redirected).toEqual({
      ok: false,
      status: 302,
      reason: 'HTTP 302 (redirects are not followed)',
    });
    expect(t.receiver.to('/target')).toHaveLength(0);
    const failed = await postWebhook(t.receiver.url('/error'), '{}', {}, 2000, allow);
    // The receiver answered "lỗi tạm thời": none of it is kept.
    expect(failed).toEqual({ ok: false, status: 500, reason: 'HTTP 500' });
  });
});
