import type { Job } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { UnrecoverableError } from '@portal/queue';
import { errorCodes, waitUntil } from '@portal/testing';
import { createHotlineClient } from '../src/clients/hotline-client';
import { dispatchJobId } from '../src/jobs/job-ids';
import { createDispatchProcessor } from '../src/jobs/referral-dispatch.processor';
import {
  REFERRAL_BY_ID,
  insertReferral,
  submitHotlineFeedback,
  useReferralHarness,
  viewers,
} from './support/harness';

// The hotline misbehaves on purpose (the simulator's control API); nothing may be lost and
// no referral may get two tickets.
const h = useReferralHarness('dispatch_faults', {
  worker: true,
  hotline: true,
  // 150 ms, doubling, between seven attempts (about 9.5 s in all): after two failures a test
  // has several seconds to bring the hotline back, even on a slow machine.
  dispatch: { attempts: 7, backoffMs: 150 },
  hotlineTimeoutMs: 700,
  simEnv: { SIM_OUTCOME: 'NONE' },
});
afterEach(() =>
  h.sim('PUT', '/_control/settings', { down: false, timeoutRate: 0, errorRate: 0, downForMs: 0 }),
);

const RETRY = /* GraphQL */ `
  mutation Retry($id: ID!) {
    retryReferralDispatch(id: $id) {
      id
      status
    }
  }
`;

async function ticketsFor(id: string): Promise<{ ticketId: string }[]> {
  const state = await h.sim('GET', '/_control/state');
  return state.tickets.filter((t: { externalId: string }) => t.externalId === id);
}

async function dispatchJob(id: string, round = 1) {
  return h.queue('referral-dispatch').getJob(dispatchJobId(id, round));
}

async function status(id: string) {
  return (await h.core.repo.findById(id))!.status;
}

describe('dispatch to a misbehaving hotline', () => {
  it('retries while the hotline is down, then forwards it with exactly one ticket', async () => {
    await h.sim('PUT', '/_control/settings', { down: true });
    const { id } = await submitHotlineFeedback(h, 'DIEN');
    // Two failed attempts, then the hotline comes back.
    await waitUntil(async () => ((await dispatchJob(id))?.attemptsMade ?? 0) >= 2, {
      what: 'two failed dispatch attempts',
    });
    expect(await status(id)).toBe('RECEIVED');
    await h.sim('PUT', '/_control/settings', { down: false });

    await waitUntil(async () => (await status(id)) !== 'RECEIVED', { what: 'the dispatch' });
    const referral = (await h.core.repo.findById(id))!;
    expect(['FORWARDED', 'ACKNOWLEDGED', 'IN_PROGRESS']).toContain(referral.status);
    const tickets = await ticketsFor(id);
    expect(tickets).toHaveLength(1);
    expect(referral.hotlineTicketId).toBe(tickets[0]!.ticketId);
    await waitUntil(async () => (await dispatchJob(id))?.isCompleted(), {
      what: 'the dispatch job to complete',
    });
    expect((await dispatchJob(id))!.attemptsMade).toBeGreaterThanOrEqual(2);
  });

  it('asks again with the same key when answers come too late, and still gets one ticket', async () => {
    // The hotline records the referral but answers after the client gave up.
    await h.sim('PUT', '/_control/settings', { timeoutRate: 1, hangMs: 3000 });
    const { id } = await submitHotlineFeedback(h, 'NUOC');
    await waitUntil(async () => ((await dispatchJob(id))?.attemptsMade ?? 0) >= 2, {
      what: 'two timed-out dispatch attempts',
    });
    expect(await ticketsFor(id)).toHaveLength(1);
    await h.sim('PUT', '/_control/settings', { timeoutRate: 0 });

    await waitUntil(async () => (await h.core.repo.findById(id))?.hotlineTicketId, {
      what: 'the ticket id to be recorded',
    });
    const tickets = await ticketsFor(id);
    expect(tickets).toHaveLength(1);
    expect((await h.core.repo.findById(id))!.hotlineTicketId).toBe(tickets[0]!.ticketId);
  });

  it('marks it FAILED after the last attempt, and a moderator sends it again', async () => {
    await h.sim('PUT', '/_control/settings', { down: true });
    const { id, trackingCode } = await submitHotlineFeedback(h, 'GIAO-THONG');
    await waitUntil(async () => (await status(id)) === 'FAILED', {
      what: 'the referral to be FAILED after every attempt',
      timeoutMs: 60_000,
    });
    // The referral is marked before BullMQ records the last failure.
    await waitUntil(async () => (await dispatchJob(id))?.isFailed(), { what: 'the job to fail' });
    expect((await dispatchJob(id))!.attemptsMade).toBe(7);

    // Moderators see why; the public sees a plain note, not the error.
    const staff = await h.call(viewers.moderator(), REFERRAL_BY_ID, { id });
    expect(staff.data!.referral).toMatchObject({
      status: 'FAILED',
      dispatchError: expect.stringContaining('HTTP 503'),
    });
    const list = await h.call(
      viewers.moderator(),
      `query { referrals(first: 50, filter: { status: FAILED }) { nodes { trackingCode } } }`,
      {},
    );
    expect(list.data!.referrals.nodes).toEqual([{ trackingCode }]);

    // Only moderators (and admins) may retry, and only a FAILED referral.
    expect(errorCodes(await h.call(viewers.officer('SO-XD'), RETRY, { id }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await h.call(viewers.citizen(), RETRY, { id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.call(null, RETRY, { id }))).toEqual(['UNAUTHENTICATED']);

    await h.sim('PUT', '/_control/settings', { down: false });
    const retried = await h.call(viewers.moderator(), RETRY, { id });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.retryReferralDispatch).toEqual({ id, status: 'RECEIVED' });
    expect(errorCodes(await h.call(viewers.moderator(), RETRY, { id }))).toEqual(['CONFLICT']);

    await waitUntil(async () => (await h.core.repo.findById(id))?.hotlineTicketId, {
      what: 'the retried dispatch to reach the hotline',
    });
    expect(await ticketsFor(id)).toHaveLength(1);
    expect((await dispatchJob(id, 2))?.data).toEqual({ referralId: id });
    const history = (await h.call(viewers.moderator(), REFERRAL_BY_ID, { id })).data!.referral
      .history;
    expect(history.slice(0, 4).map((e: { status: string }) => e.status)).toEqual([
      'RECEIVED',
      'FAILED',
      'RECEIVED',
      'FORWARDED',
    ]);
  });

  it('fails at once, without retries, when the hotline refuses our key', async () => {
    // A wrong key cannot get better by retrying: FAILED at the first attempt, for a person.
    const misconfigured = createDispatchProcessor({
      repo: h.core.repo,
      referrals: h.core.referrals,
      hotline: createHotlineClient({
        url: h.simUrl,
        apiKey: 'wrong-key-0123456789',
        timeoutMs: 2000,
      }),
      outbox: h.outbox,
      webBaseUrl: 'https://cds.example.vn',
      logger: h.logger,
    });
    // Inserted without a dispatch job, so only this processor handles it.
    const referral = await insertReferral(h, { categoryCode: 'THUE', targetAgency: 'THUE-TP' });
    const id = referral._id.toHexString();
    const firstAttempt = { attemptsMade: 0, opts: { attempts: 7 } } as unknown as Job;
    await expect(misconfigured({ referralId: id }, firstAttempt)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    const failed = (await h.core.repo.findById(id))!;
    expect(failed.status).toBe('FAILED');
    expect(failed.dispatchError).toContain('HTTP 401');
    expect(await ticketsFor(id)).toHaveLength(0);
  });
});
