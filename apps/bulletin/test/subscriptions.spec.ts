import { describe, expect, it } from 'vitest';
import { errorCodes, fetchAsGateway } from '@portal/testing';
import { signSubscriptionToken } from '../src/domain/subscription-token';
import { PUBLIC_BASE_URL, SUBSCRIPTION_SECRET, useBulletin } from './support/harness';

const b = useBulletin('subscriptions', {
  subscribeLimits: { perClientPerHour: 5, perAddressPerHour: 2 },
});

const SUBSCRIBE = /* GraphQL */ `
  mutation SubscribeBulletin($email: String!) {
    subscribeToBulletin(email: $email)
  }
`;

let clients = 0;
const subscribe = (email: string, client = `client-${++clients}`) =>
  b.asClient(client, SUBSCRIBE, { variables: { email } });

/** The confirmation mails queued for an address (via the outbox), newest last. */
async function confirmationMails(email: string) {
  await b.bulletin.outbox.relay();
  const jobs = await b.notificationJobs();
  return jobs
    .filter((j) => j.data.message?.template === 'bulletin.confirm-subscription')
    .filter((j) => j.data.recipients[0].email === email)
    .sort((x, y) => x.timestamp - y.timestamp);
}

/** Turns a link from a mail into a request against this test's server (the gateway would forward it). */
const local = (link: string) => link.replace(PUBLIC_BASE_URL, b.url);

const status = async (email: string) =>
  (await b.models.subscribers.findOne({ email }).lean())?.status;

describe('double opt-in', () => {
  it('sends a confirmation link, and subscribes only when it is followed', async () => {
    const res = await subscribe('  Chanh.Van.Phong@Example.VN ');
    expect(res.data).toEqual({ subscribeToBulletin: true });
    const email = 'chanh.van.phong@example.vn';
    expect(await status(email)).toBe('PENDING');

    const [mail] = await confirmationMails(email);
    const { confirmUrl } = mail!.data.message.data;
    expect(confirmUrl.startsWith(`${PUBLIC_BASE_URL}/bulletin/subscriptions/confirm?token=`)).toBe(
      true,
    );
    expect(
      mail!.data.recipients[0].unsubscribeUrl.startsWith(
        `${PUBLIC_BASE_URL}/bulletin/subscriptions/unsubscribe?token=`,
      ),
    ).toBe(true);

    const page = await fetchAsGateway(local(confirmUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('Đã xác nhận đăng ký');
    expect(await status(email)).toBe('CONFIRMED');
    // Following the link again is harmless.
    expect((await fetchAsGateway(local(confirmUrl))).status).toBe(200);

    // Asking again never reveals the subscription, and sends nothing more.
    expect((await subscribe(email)).data).toEqual({ subscribeToBulletin: true });
    expect(await confirmationMails(email)).toHaveLength(1);
  });

  it('refuses tampered, expired, foreign and superseded links', async () => {
    const email = 'pho.giam.doc@example.vn';
    await subscribe(email);
    const [first] = await confirmationMails(email);
    const firstUrl: string = first!.data.message.data.confirmUrl;
    await subscribe(email); // a second request: only the newest link works
    const mails = await confirmationMails(email);
    expect(mails).toHaveLength(2);
    const latestUrl: string = mails[1]!.data.message.data.confirmUrl;

    const token = new URL(latestUrl).searchParams.get('token')!;
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    const subscriber = (await b.models.subscribers.findOne({ email }).lean())!;
    const expired = await signSubscriptionToken(
      'confirm',
      { subscriberId: subscriber._id.toHexString(), nonce: subscriber.nonce },
      SUBSCRIPTION_SECRET,
      { ttlSeconds: 60, now: new Date(Date.now() - 2 * 3600_000) },
    );
    const forged = await signSubscriptionToken(
      'confirm',
      { subscriberId: subscriber._id.toHexString(), nonce: subscriber.nonce },
      'not-the-secret-'.repeat(4),
    );
    const unsubscribeToken = new URL(mails[1]!.data.recipients[0].unsubscribeUrl).searchParams.get(
      'token',
    )!;
    for (const bad of [tampered, expired, forged, unsubscribeToken, '', 'abc']) {
      const res = await fetchAsGateway(
        `${b.url}/bulletin/subscriptions/confirm?token=${encodeURIComponent(bad)}`,
      );
      expect(res.status, bad).toBe(400);
      expect(await res.text()).toContain('Liên kết không hợp lệ');
    }
    expect((await fetchAsGateway(local(firstUrl))).status).toBe(400);
    expect(await status(email)).toBe('PENDING');

    const viaGraph = await b.as(
      'anonymous',
      `mutation($t: String!) { confirmBulletinSubscription(token: $t) }`,
      {
        variables: { t: tampered },
      },
    );
    expect(errorCodes(viaGraph)).toEqual(['BAD_USER_INPUT']);
    expect(viaGraph.errors![0]!.extensions!.fields[0].field).toBe('token');

    const ok = await b.as(
      'anonymous',
      `mutation($t: String!) { confirmBulletinSubscription(token: $t) }`,
      {
        variables: { t: token },
      },
    );
    expect(ok.data).toEqual({ confirmBulletinSubscription: true });
    expect(await status(email)).toBe('CONFIRMED');
  });

  it('unsubscribes with the link in every mail, by GET or one-click POST', async () => {
    const email = 'truong.phong@example.vn';
    await subscribe(email);
    const [mail] = await confirmationMails(email);
    await fetchAsGateway(local(mail!.data.message.data.confirmUrl));
    expect(await status(email)).toBe('CONFIRMED');

    const unsubscribeUrl: string = mail!.data.recipients[0].unsubscribeUrl;
    const token = new URL(unsubscribeUrl).searchParams.get('token')!;
    const tampered = token.replace(/\.[^.]+$/, '.' + 'A'.repeat(43));
    expect(
      (await fetchAsGateway(`${b.url}/bulletin/subscriptions/unsubscribe?token=${tampered}`))
        .status,
    ).toBe(400);
    expect(await status(email)).toBe('CONFIRMED');

    const page = await fetchAsGateway(local(unsubscribeUrl), {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Đã hủy đăng ký');
    expect(await status(email)).toBe('UNSUBSCRIBED');
    expect((await fetchAsGateway(local(unsubscribeUrl))).status).toBe(200);
    // An old confirmation link cannot bring the subscription back.
    expect((await fetchAsGateway(local(mail!.data.message.data.confirmUrl))).status).toBe(400);
    expect(await status(email)).toBe('UNSUBSCRIBED');

    // Subscribing again starts a fresh double opt-in.
    await subscribe(email);
    expect(await status(email)).toBe('PENDING');
  });

  it('validates the address and limits requests per client and per address', async () => {
    const bad = await subscribe('không-phải-email');
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.fields).toEqual([
      { field: 'email', message: 'is not a valid e-mail address' },
    ]);

    const email = 'nhieu.lan@example.vn';
    expect((await subscribe(email)).data).toEqual({ subscribeToBulletin: true });
    expect((await subscribe(email)).data).toEqual({ subscribeToBulletin: true });
    const third = await subscribe(email);
    expect(errorCodes(third)).toEqual(['RATE_LIMITED']);
    expect(third.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    expect(await confirmationMails(email)).toHaveLength(2);

    const client = 'one-busy-client';
    for (let i = 0; i < 5; i++)
      expect((await subscribe(`nguoi-${i}@example.vn`, client)).errors).toBeUndefined();
    expect(errorCodes(await subscribe('nguoi-6@example.vn', client))).toEqual(['RATE_LIMITED']);
  });

  it('shows subscriber counts to editors only', async () => {
    const query = `{ bulletinSubscriptionStats { pending confirmed unsubscribed } }`;
    const res = await b.as('editor', query);
    expect(res.data!.bulletinSubscriptionStats).toEqual({
      pending: await b.models.subscribers.countDocuments({ status: 'PENDING' }),
      confirmed: 2,
      unsubscribed: 0,
    });
    expect(errorCodes(await b.as('citizen', query))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await b.as('anonymous', query))).toEqual(['UNAUTHENTICATED']);
  });
});
