import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_SECRET,
  REFERRAL_BY_ID,
  TRACK_REFERRAL,
  insertReferral,
  useReferralHarness,
  viewers,
} from './support/harness';

// POST /hotline/callback over real HTTP, signed here from the protocol (not with the
// service's own signing code), so a drift between the two would show.
const h = useReferralHarness('callbacks');

function sign(body: string, timestamp: number, secret = CALLBACK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

async function post(
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${h.server.url}/hotline/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, json: await res.json() };
}

/** A correctly signed callback, with a fresh timestamp unless told otherwise. */
async function callback(
  payload: Record<string, unknown>,
  options: { timestamp?: number; secret?: string } = {},
) {
  const body = JSON.stringify(payload);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = {
    'x-hotline-timestamp': String(timestamp),
    'x-hotline-signature': sign(body, timestamp, options.secret),
  };
  return { ...(await post(body, headers)), body, headers };
}

async function forwardedReferral(ticketId: string) {
  const referral = await insertReferral(h);
  const id = referral._id.toHexString();
  await h.core.referrals.recordForwarded(id, ticketId);
  return id;
}

describe('hotline callbacks', () => {
  it('apply a signed status change with its public response and history', async () => {
    const id = await forwardedReferral('1022-T-1');
    const ack = await callback({ referralId: id, ticketId: '1022-T-1', status: 'ACKNOWLEDGED' });
    expect(ack).toMatchObject({ status: 200, json: { status: 'ACKNOWLEDGED', applied: true } });
    const done = await callback({
      referralId: id,
      ticketId: '1022-T-1',
      status: 'RESOLVED',
      note: 'Đã sửa đèn.',
      publicResponse: 'Sở Xây dựng đã khắc phục sự cố đèn giao thông.',
    });
    expect(done.json).toEqual({ status: 'RESOLVED', applied: true });
    const referral = (await h.core.repo.findById(id))!;
    const tracked = await h.call(null, TRACK_REFERRAL, { code: referral.trackingCode });
    expect(tracked.data!.referralByTrackingCode).toMatchObject({
      status: 'RESOLVED',
      publicResponse: 'Sở Xây dựng đã khắc phục sự cố đèn giao thông.',
      history: [
        { status: 'RECEIVED' },
        { status: 'FORWARDED' },
        { status: 'ACKNOWLEDGED' },
        { status: 'RESOLVED', note: 'Đã sửa đèn.' },
      ],
    });
    expect(referral.closedAt).toBeInstanceOf(Date);
  });

  it('refuse a bad signature, another secret, or a tampered body with 401', async () => {
    const id = await forwardedReferral('1022-T-2');
    const payload = { referralId: id, ticketId: '1022-T-2', status: 'ACKNOWLEDGED' };
    const ts = Math.floor(Date.now() / 1000);
    const body = JSON.stringify(payload);

    expect((await post(body)).status).toBe(401);
    expect(
      (await post(body, { 'x-hotline-timestamp': String(ts), 'x-hotline-signature': 'sha256=00' }))
        .status,
    ).toBe(401);
    expect(
      (await callback(payload, { secret: 'another-secret-0123456789abcdef0123' })).status,
    ).toBe(401);
    const tampered = await post(JSON.stringify({ ...payload, status: 'RESOLVED' }), {
      'x-hotline-timestamp': String(ts),
      'x-hotline-signature': sign(body, ts),
    });
    expect(tampered).toEqual({
      status: 401,
      json: { error: { code: 'UNAUTHENTICATED', message: 'Invalid callback signature' } },
    });
    expect((await h.core.repo.findById(id))!.status).toBe('FORWARDED');
  });

  it('refuse a correctly signed callback that is too old, or from the future', async () => {
    const id = await forwardedReferral('1022-T-3');
    const payload = { referralId: id, ticketId: '1022-T-3', status: 'ACKNOWLEDGED' };
    const now = Math.floor(Date.now() / 1000);
    expect((await callback(payload, { timestamp: now - 3600 })).status).toBe(401);
    expect((await callback(payload, { timestamp: now + 3600 })).status).toBe(401);
    expect((await h.core.repo.findById(id))!.status).toBe('FORWARDED');
  });

  it('refuse a replayed callback with 401, even one that was refused the first time', async () => {
    const id = await forwardedReferral('1022-T-4');
    const first = await callback({ referralId: id, ticketId: '1022-T-4', status: 'IN_PROGRESS' });
    expect(first.status).toBe(200);
    const replay = await post(first.body, first.headers);
    expect(replay).toEqual({
      status: 401,
      json: { error: { code: 'UNAUTHENTICATED', message: 'Callback already received (replay)' } },
    });
    const events = await h.core.models.ReferralEvent.countDocuments({ referralId: id });
    expect(events).toBe(2); // FORWARDED, IN_PROGRESS: the replay added nothing
  });

  it('answer a repeated report of the same status with applied: false and no new history', async () => {
    const id = await forwardedReferral('1022-T-5');
    const payload = { referralId: id, ticketId: '1022-T-5', status: 'ACKNOWLEDGED' };
    expect((await callback(payload)).json).toEqual({ status: 'ACKNOWLEDGED', applied: true });
    // Sent again by the hotline: a new timestamp, so a new signature, not a replay.
    const again = await callback(
      { ...payload, note: 'gửi lại' },
      {
        timestamp: Math.floor(Date.now() / 1000) + 1,
      },
    );
    expect(again).toMatchObject({ status: 200, json: { status: 'ACKNOWLEDGED', applied: false } });
    expect(await h.core.models.ReferralEvent.countDocuments({ referralId: id })).toBe(2);
  });

  it('refuse transitions the referral does not allow with 409', async () => {
    const id = await forwardedReferral('1022-T-6');
    await callback({ referralId: id, ticketId: '1022-T-6', status: 'RESOLVED' });
    const backwards = await callback({
      referralId: id,
      ticketId: '1022-T-6',
      status: 'IN_PROGRESS',
    });
    expect(backwards.status).toBe(409);
    expect(backwards.json.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already RESOLVED'),
    });
    expect((await h.core.repo.findById(id))!.status).toBe('RESOLVED');
  });

  it('refuse a ticket that is not the referral’s (409), an unknown referral (404), bad bodies (400)', async () => {
    const id = await forwardedReferral('1022-T-7');
    const wrongTicket = await callback({
      referralId: id,
      ticketId: 'OTHER',
      status: 'ACKNOWLEDGED',
    });
    expect(wrongTicket.status).toBe(409);
    const unknown = await callback({
      referralId: 'f'.repeat(24),
      ticketId: '1022-T-7',
      status: 'ACKNOWLEDGED',
    });
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
    const badFields = await callback({ referralId: 'nope', status: 'DONE' });
    expect(badFields.status).toBe(400);
    expect(badFields.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'referralId',
      'status',
      'ticketId',
    ]);
    const ts = Math.floor(Date.now() / 1000);
    const notJson = await post('{not json', {
      'x-hotline-timestamp': String(ts),
      'x-hotline-signature': sign('{not json', ts),
    });
    expect(notJson).toMatchObject({ status: 400, json: { error: { code: 'BAD_USER_INPUT' } } });
  });

  it('may overtake our own record of the forwarding without losing the ticket', async () => {
    // The hotline calls back before the dispatcher recorded its answer.
    const referral = await insertReferral(h);
    const id = referral._id.toHexString();
    const early = await callback({ referralId: id, ticketId: '1022-T-8', status: 'ACKNOWLEDGED' });
    expect(early.json).toEqual({ status: 'ACKNOWLEDGED', applied: true });
    const late = await h.core.referrals.recordForwarded(id, '1022-T-8');
    expect(late.applied).toBe(false);
    const after = (await h.core.repo.findById(id))!;
    expect(after).toMatchObject({ status: 'ACKNOWLEDGED', hotlineTicketId: '1022-T-8' });
    // A second ticket for the same referral is never recorded over the first.
    await h.core.referrals.recordForwarded(id, '1022-OTHER');
    expect((await h.core.repo.findById(id))!.hotlineTicketId).toBe('1022-T-8');
    const staff = await h.call(viewers.moderator(), REFERRAL_BY_ID, { id });
    expect(staff.data!.referral.history.map((e: { status: string }) => e.status)).toEqual([
      'RECEIVED',
      'ACKNOWLEDGED',
    ]);
  });
});
