import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { waitUntil } from '@portal/testing';
import { decideFault } from '../src/faults';
import { startHotlineSim, type RunningHotlineSim } from '../src/server';

const API_KEY = 'sim-test-api-key-0123456789';
const SECRET = 'sim-test-callback-secret-0123456789abcdef';

// The portal's side of the callbacks: verifies each signature on its own, from the protocol.
interface Received {
  body: Record<string, any>;
  signatureValid: boolean;
  timestamp: number;
}
const received: Received[] = [];
let answerWith = 200;
/** While set, the portal holds its answers until this settles (a callback in flight). */
let holdAnswers: Promise<void> | null = null;
let portal: Server;
let sim: RunningHotlineSim;

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

beforeAll(async () => {
  portal = createServer(async (req, res) => {
    const raw = await readBody(req);
    const ts = String(req.headers['x-hotline-timestamp']);
    const given = Buffer.from(String(req.headers['x-hotline-signature']));
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', SECRET).update(`${ts}.${raw}`).digest('hex')}`,
    );
    received.push({
      body: JSON.parse(raw),
      timestamp: Number(ts),
      signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
    });
    if (holdAnswers) await holdAnswers;
    res.writeHead(answerWith, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
  sim = await startHotlineSim(
    {
      port: 0,
      host: '127.0.0.1',
      apiKey: API_KEY,
      callbackSecret: SECRET,
      callbackUrl: `http://127.0.0.1:${(portal.address() as AddressInfo).port}/hotline/callback`,
      lifecycle: { ackDelayMs: 20, progressDelayMs: 20, closeDelayMs: 20, outcome: 'RESOLVED' },
      faults: {
        down: false,
        errorRate: 0,
        rateLimitRate: 0,
        retryAfterSeconds: 1,
        timeoutRate: 0,
        hangMs: 1000,
      },
      callbackAttempts: 3,
      callbackRetryMs: 20,
    },
    createLogger({ service: 'sim-test', level: 'silent', pretty: false }),
  );
});
afterAll(async () => {
  await sim.close();
  await new Promise((r) => portal.close(r));
});
afterEach(async () => {
  answerWith = 200;
  await control('POST', '/_control/reset');
  received.length = 0;
});

function referral(externalId: string) {
  return {
    externalId,
    trackingCode: 'HL-7K3Q-9XD2',
    subject: 'Mất điện',
    description: 'Khu phố 2 mất điện từ sáng.',
    category: { code: 'DIEN', name: 'Điện' },
    targetAgency: 'EVNHCMC',
  };
}

/** Posts a referral to the intake API, as the referral service does. */
function postIntake(
  body: unknown,
  key: string | null,
  options: { apiKey?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(`${sim.url}/api/v1/referrals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.apiKey ?? API_KEY}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
    signal: options.signal,
  });
}

async function intake(body: unknown, key: string | null = 'key-1', apiKey = API_KEY) {
  const res = await postIntake(body, key, { apiKey });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe('hotline simulator', () => {
  it('opens one ticket per idempotency key', async () => {
    const first = await intake(referral('r1'), 'key-1');
    expect(first.status).toBe(201);
    expect(first.json.ticketId).toMatch(/^1022-\d{8}-\d{6}$/);
    const again = await intake(referral('r1'), 'key-1');
    expect(again).toEqual({
      status: 200,
      json: { ticketId: first.json.ticketId, status: expect.any(String) },
    });
    const other = await intake(referral('r2'), 'key-2');
    expect(other.json.ticketId).not.toBe(first.json.ticketId);
    expect(sim.store.all()).toHaveLength(2);
    // The same key for another referral is a client bug, refused.
    expect((await intake(referral('r3'), 'key-1')).status).toBe(409);
  });

  it('refuses a wrong key, a missing idempotency key, and a malformed referral', async () => {
    expect((await intake(referral('r1'), 'k', 'wrong-key-0000000000')).status).toBe(401);
    expect((await intake(referral('r1'), null)).status).toBe(400);
    const bad = await intake({ externalId: 'r1' }, 'k');
    expect(bad.status).toBe(422);
    expect(bad.json.issues.join(' ')).toContain('trackingCode');
    expect((await control('GET', '/_control/state')).status).toBe(200);
    const noKey = await fetch(`${sim.url}/_control/state`);
    expect(noKey.status).toBe(401);
  });

  it('calls back ACKNOWLEDGED, IN_PROGRESS, RESOLVED in order, each signed with a fresh timestamp', async () => {
    const { json } = await intake(referral('r-life'), 'key-life');
    await waitUntil(() => received.length >= 3, { what: 'three callbacks' });
    expect(received).toHaveLength(3);
    expect(received.map((r) => r.body.status)).toEqual(['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED']);
    expect(received.every((r) => r.signatureValid)).toBe(true);
    expect(received.every((r) => Math.abs(r.timestamp - Date.now() / 1000) < 60)).toBe(true);
    expect(received[0]!.body).toMatchObject({ referralId: 'r-life', ticketId: json.ticketId });
    expect(received[2]!.body.publicResponse).toContain('EVNHCMC');
    // The simulator records a delivered callback once the portal's answer is back, just after
    // the portal has seen it.
    await waitUntil(() => sim.store.get(json.ticketId)!.status === 'RESOLVED', {
      what: 'the ticket to be recorded as RESOLVED',
    });
  });

  it('forgets a ticket on reset, even while its callback is in flight', async () => {
    // Earlier tickets' callbacks used to go on arriving after a reset (seen as a fourth
    // callback in the test above, on a busy machine).
    let release!: () => void;
    holdAnswers = new Promise((r) => (release = r));
    await intake(referral('r-old'), 'key-old');
    await waitUntil(() => received.length === 1, { what: 'the first callback, held' });
    await control('POST', '/_control/reset');
    holdAnswers = null;
    release();
    // A ticket opened now goes through its whole life; the old one's next step, due 20 ms
    // after its answer, would have arrived by then.
    await intake(referral('r-new'), 'key-new');
    await waitUntil(() => received.some((r) => r.body.status === 'RESOLVED'), {
      what: "the new ticket's last callback",
    });
    expect(received.map((r) => `${r.body.referralId} ${r.body.status}`)).toEqual([
      'r-old ACKNOWLEDGED',
      'r-new ACKNOWLEDGED',
      'r-new IN_PROGRESS',
      'r-new RESOLVED',
    ]);
  });

  it('retries a callback the portal could not take, and stops at a refusal', async () => {
    answerWith = 503;
    await intake(referral('r-retry'), 'key-retry');
    await waitUntil(() => received.length >= 3, { what: 'three delivery attempts' });
    // Given up after three attempts at ACKNOWLEDGED: the next step is never sent.
    await new Promise((r) => setTimeout(r, 200));
    expect(received.map((r) => r.body.status)).toEqual([
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
    ]);
    received.length = 0;
    answerWith = 409;
    await intake(referral('r-refused'), 'key-refused');
    await waitUntil(() => received.length >= 1, { what: 'one callback' });
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(1);
  });

  it('can be down, down for a while, failing, or slow, on command', async () => {
    await control('PUT', '/_control/settings', { down: true, outcome: 'NONE' });
    expect((await intake(referral('r-down'), 'key-down')).status).toBe(503);
    await control('PUT', '/_control/settings', { down: false, downForMs: 60_000 });
    expect((await intake(referral('r-down'), 'key-down')).status).toBe(503);
    await control('PUT', '/_control/settings', { downForMs: 0 });
    expect((await intake(referral('r-down'), 'key-down')).status).toBe(201);

    await control('PUT', '/_control/settings', { errorRate: 1 });
    expect((await intake(referral('r-err'), 'key-err')).status).toBe(500);
    expect(sim.store.all().map((t) => t.externalId)).toEqual(['r-down']);

    // Slow: the ticket is opened at once, the answer comes after hangMs.
    await control('PUT', '/_control/settings', { errorRate: 0, timeoutRate: 1, hangMs: 300 });
    const slow = await postIntake(referral('r-slow'), 'key-slow', {
      signal: AbortSignal.timeout(100),
    }).catch((err: Error) => err);
    expect(slow).toBeInstanceOf(Error);
    expect(sim.store.all().map((t) => t.externalId)).toContain('r-slow');
    await control('PUT', '/_control/settings', { timeoutRate: 0 });
    const retry = await intake(referral('r-slow'), 'key-slow');
    expect(retry.status).toBe(200);
    expect(sim.store.all().filter((t) => t.externalId === 'r-slow')).toHaveLength(1);
  });

  it('answers 429 with Retry-After, recording nothing, while rate limiting', async () => {
    const set = await control('PUT', '/_control/settings', {
      rateLimitRate: 1,
      retryAfterSeconds: 7,
    });
    expect(set.json.faults).toMatchObject({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const res = await postIntake(referral('r-429'), 'key-429');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ error: 'too many requests' });
    // Nothing was recorded: no ticket, and so no callbacks.
    expect(sim.store.all()).toHaveLength(0);
    expect((await control('GET', '/_control/state')).json.tickets).toEqual([]);

    // Once it stops, the same key opens the ticket (201: it is new).
    await control('PUT', '/_control/settings', { rateLimitRate: 0 });
    expect((await intake(referral('r-429'), 'key-429')).status).toBe(201);
    expect(sim.store.all().map((t) => t.externalId)).toEqual(['r-429']);

    // A reset goes back to the configured settings.
    await control('PUT', '/_control/settings', { rateLimitRate: 1 });
    await control('POST', '/_control/reset');
    expect((await intake(referral('r-429b'), 'key-429b')).status).toBe(201);
    expect((await control('PUT', '/_control/settings', { rateLimitRate: 2 })).status).toBe(400);
  });

  it('sends a callback on command (e.g. a rejection)', async () => {
    await control('PUT', '/_control/settings', { outcome: 'NONE', ackDelayMs: 60_000 });
    const { json } = await intake(referral('r-manual'), 'key-manual');
    const sent = await control('POST', `/_control/tickets/${json.ticketId}/callbacks`, {
      status: 'REJECTED',
      publicResponse: 'Không thuộc thẩm quyền.',
    });
    expect(sent.json.result).toBe('delivered');
    expect(received.at(-1)).toMatchObject({
      signatureValid: true,
      body: { status: 'REJECTED', publicResponse: 'Không thuộc thẩm quyền.' },
    });
    expect(
      (await control('POST', '/_control/tickets/nope/callbacks', { status: 'RESOLVED' })).status,
    ).toBe(404);
  });
});

describe('decideFault', () => {
  const base = {
    down: false,
    downUntil: null,
    errorRate: 0,
    rateLimitRate: 0,
    retryAfterSeconds: 1,
    timeoutRate: 0,
    hangMs: 0,
  };
  const now = new Date('2025-11-01T00:00:00Z');

  it('fails the configured share of calls', () => {
    expect(decideFault({ ...base, errorRate: 0.3 }, now, () => 0.29)).toBe('error');
    expect(decideFault({ ...base, errorRate: 0.3 }, now, () => 0.3)).toBe('ok');
    expect(decideFault({ ...base, timeoutRate: 0.5 }, now, () => 0.1)).toBe('timeout');
    expect(decideFault({ ...base, rateLimitRate: 0.2 }, now, () => 0.19)).toBe('rate-limited');
    expect(decideFault({ ...base, rateLimitRate: 0.2 }, now, () => 0.2)).toBe('ok');
  });

  it('answers 429 before failing or hanging a call, and 503 before 429', () => {
    const all = { ...base, rateLimitRate: 1, errorRate: 1, timeoutRate: 1 };
    expect(decideFault(all, now, () => 0)).toBe('rate-limited');
    expect(decideFault({ ...all, down: true }, now, () => 0)).toBe('down');
  });

  it('is down while told so, or until the outage ends', () => {
    expect(decideFault({ ...base, down: true }, now)).toBe('down');
    expect(decideFault({ ...base, downUntil: new Date(now.getTime() + 1) }, now)).toBe('down');
    expect(decideFault({ ...base, downUntil: now }, now)).toBe('ok');
  });
});
