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
// 150 ms, doubling up to 2.5 s (less up to a fifth at random), between seven attempts
// (at most 7.2 s in all): after two failures a test has seconds to bring the hotline back,
// even on a slow machine.
const DISPATCH = { attempts: 7, backoffMs: 150, maxBackoffMs: 2500 };
const h = useReferralHarness('dispatch_faults', {
  worker: true,
  hotline: true,
  dispatch: DISPATCH,
  hotlineTimeoutMs: 700,
  simEnv: { SIM_OUTCOME: 'NONE' },
});
afterEach(() =>
  h.sim('PUT', '/_control/settings', {
    down: false,
    timeoutRate: 0,
    errorRate: 0,
    rateLimitRate: 0,
    downForMs: 0,
  }),
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

/**
 * A dispatch job's attempts, from its queue's event stream (nothing missed, unlike polling):
 * when each started (`active`), and each retry's delay as chosen, or a hair less (`delayed`
 * carries the time the retry is due, and Redis stamps the event just after the choice).
 */
async function attemptsOf(id: string, round = 1) {
  const queue = h.queue('referral-dispatch');
  const jobId = dispatchJobId(id, round);
  const events = (await h.redis.xrange(queue.keys.events!, '-', '+')).map(([eventId, f]) => {
    const fields = new Map<string, string>();
    for (let i = 0; i + 1 < f.length; i += 2) fields.set(f[i]!, f[i + 1]!);
    return { at: Number(eventId.split('-')[0]), fields };
  });
  const ofJob = events.filter((e) => e.fields.get('jobId') === jobId);
  const starts = ofJob.filter((e) => e.fields.get('event') === 'active').map((e) => e.at);
  return {
    starts,
    /** Between the start of each attempt and the next. */
    gaps: starts.slice(1).map((at, i) => at - starts[i]!),
    delays: ofJob
      .filter((e) => e.fields.get('event') === 'delayed')
      .map((e) => Number(e.fields.get('delay')) - e.at),
  };
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

  it('waits at least the Retry-After of a 429, then forwards it once the throttling ends', async () => {
    // 429s record nothing at the hotline; each asks for 2 s, far more than the 150–300 ms
    // backoff of the first retries.
    await h.sim('PUT', '/_control/settings', { rateLimitRate: 1, retryAfterSeconds: 2 });
    const { id } = await submitHotlineFeedback(h, 'DIEN');
    await waitUntil(async () => ((await dispatchJob(id))?.attemptsMade ?? 0) >= 2, {
      what: 'two throttled dispatch attempts',
      timeoutMs: 60_000,
    });
    expect(await status(id)).toBe('RECEIVED');
    expect((await dispatchJob(id))!.failedReason).toContain('HTTP 429 (retry after 2 s)');
    expect(await ticketsFor(id)).toHaveLength(0);
    await h.sim('PUT', '/_control/settings', { rateLimitRate: 0 });

    await waitUntil(async () => (await dispatchJob(id))?.isCompleted(), {
      what: 'the dispatch job to complete',
      timeoutMs: 60_000,
    });
    const referral = (await h.core.repo.findById(id))!;
    expect(['FORWARDED', 'ACKNOWLEDGED', 'IN_PROGRESS']).toContain(referral.status);
    const tickets = await ticketsFor(id);
    expect(tickets).toHaveLength(1);
    expect(referral.hotlineTicketId).toBe(tickets[0]!.ticketId);
    const history = (await h.call(viewers.moderator(), REFERRAL_BY_ID, { id })).data!.referral
      .history as { status: string }[];
    // The hotline's ACKNOWLEDGED may overtake our record of its answer: FORWARDED at most once.
    expect(history.filter((e) => e.status === 'FORWARDED').length).toBeLessThanOrEqual(1);
    expect(history.some((e) => e.status === 'FAILED')).toBe(false);

    // Every attempt but the last was answered 429: each next one started 2 s or more later.
    const job = (await dispatchJob(id))!;
    const { starts, gaps, delays } = await attemptsOf(id);
    expect(starts).toHaveLength(job.attemptsMade);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2000);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(DISPATCH.maxBackoffMs);
  }, 120_000);

  it('marks a referral throttled to the end FAILED only after its last attempt, never waiting past the cap', async () => {
    await h.sim('PUT', '/_control/settings', { rateLimitRate: 1, retryAfterSeconds: 1 });
    const { id } = await submitHotlineFeedback(h, 'NUOC');
    // The status first, then the job: FAILED is recorded during the last attempt, so
    // whenever it shows, that attempt has started.
    let startedWhenFailed = 0;
    await waitUntil(
      async () => {
        if ((await status(id)) !== 'FAILED') return false;
        startedWhenFailed = (await dispatchJob(id))!.attemptsStarted;
        return true;
      },
      { what: 'the referral to be FAILED', timeoutMs: 90_000, intervalMs: 50 },
    );
    expect(startedWhenFailed).toBe(DISPATCH.attempts);
    await waitUntil(async () => (await dispatchJob(id))?.isFailed(), { what: 'the job to fail' });
    expect((await dispatchJob(id))!.attemptsMade).toBe(DISPATCH.attempts);
    expect((await h.core.repo.findById(id))!.dispatchError).toContain('HTTP 429');
    expect(await ticketsFor(id)).toHaveLength(0);

    const { gaps, delays } = await attemptsOf(id);
    expect(delays).toHaveLength(DISPATCH.attempts - 1);
    // No retry waited past the cap: uncapped, the sixth would wait 150 ms · 2⁵ = 4.8 s.
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(DISPATCH.maxBackoffMs);
    // Each waited the hotline's 1 s at least, and the backoff still grew to the cap (less
    // its jitter) once it asked for more than the hotline did.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(DISPATCH.maxBackoffMs * 0.8);
  }, 120_000);

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
