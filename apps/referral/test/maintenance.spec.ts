import { describe, expect, it } from 'vitest';
import { waitUntil } from '@portal/testing';
import {
  dispatchJobId,
  overdueNotificationId,
  updatedWebhookId,
  type MaintenanceTask,
} from '../src/jobs/job-ids';
import {
  REFERRAL_BY_ID,
  UPDATE_STATUS,
  insertReferral,
  submitHotlineFeedback,
  useReferralHarness,
  viewers,
} from './support/harness';

// The periodic tasks, run on demand through the real queue, with a clock the test moves.
// No hotline listens: dispatches fail, which leaves referrals open (FAILED) for the checks.
const HOUR = 3_600_000;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const h = useReferralHarness('maintenance', {
  worker: true,
  clock,
  dispatch: { attempts: 1, backoffMs: 100 },
});

let run = 0;
async function runTask(task: MaintenanceTask): Promise<Record<string, number>> {
  const id = `${++run}`;
  await h.worker.runTask(task, id);
  const queue = h.queue('referral-maintenance');
  return waitUntil(
    async () => {
      const job = await queue.getJob(`manual.${task}.${id}`);
      if (await job?.isFailed()) throw new Error(`${task} failed: ${job!.failedReason}`);
      return (await job?.isCompleted()) ? (job!.returnvalue as Record<string, number>) : null;
    },
    { what: `maintenance task ${task}` },
  );
}

/** A referral the dispatcher never sees, already forwarded (as the worker would record it). */
async function forwarded(ticketId: string, categoryCode: string, agency: string, slaHours: number) {
  const now = clock();
  const referral = await insertReferral(h, {
    categoryCode,
    targetAgency: agency,
    slaHours,
    slaDueAt: new Date(now.getTime() + slaHours * HOUR),
    createdAt: now,
    updatedAt: now,
  });
  const id = referral._id.toHexString();
  await h.core.referrals.recordForwarded(id, ticketId);
  return { id, trackingCode: referral.trackingCode };
}

/**
 * The hotline's acknowledgement of referral `id`, claimed as its third event (version 3) as a
 * writer leaves it before applying it; `fields` say what it carries and how far it got.
 */
function claimAcknowledgement(
  id: string,
  fields: {
    note: string | null;
    at: Date;
    patch: Record<string, unknown>;
    effects: unknown[];
    effectsQueuedAt: Date | null;
  },
) {
  return h.core.models.ReferralEvent.create({
    _id: `${id}.3`,
    referralId: id,
    seq: 3,
    kind: 'STATUS',
    status: 'ACKNOWLEDGED',
    by: { kind: 'HOTLINE', id: null, name: 'Tổng đài 1022' },
    ...fields,
  });
}

const OVERDUE = /* GraphQL */ `
  query Overdue {
    referrals(first: 50, filter: { overdue: true }) {
      nodes {
        id
        trackingCode
        overdue
        status
      }
      totalCount
    }
  }
`;

describe('overdue check', () => {
  it('flags referrals past their SLA once, and reminds the agency once', async () => {
    await h.call(
      viewers.admin(),
      `mutation {
        a: setAgencyContact(agency: "EVNHCMC", email: "cskh@evnhcmc.example.vn", name: "Phòng CSKH") { agency }
        b: setAgencyContact(agency: "SO-NNMT", email: "tiepnhan@sonnmt.example.vn") { agency }
      }`,
      {},
    );
    const power = await submitHotlineFeedback(h, 'DIEN'); // 24 h
    const water = await submitHotlineFeedback(h, 'NUOC'); // 24 h, agency without contact
    const land = await submitHotlineFeedback(h, 'DAT-DAI'); // 240 h, SO-NNMT
    const closed = await forwarded('1022-CLOSED', 'DIEN', 'EVNHCMC', 24);
    await h.call(viewers.moderator(), UPDATE_STATUS, { id: closed.id, status: 'RESOLVED' });

    expect((await h.call(viewers.moderator(), OVERDUE, {})).data!.referrals.totalCount).toBe(0);
    offsetMs = 25 * HOUR;

    // The list knows at once (it compares with the SLA); the task records it and reminds.
    const listed = await h.call(viewers.moderator(), OVERDUE, {});
    expect(listed.data!.referrals.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [power.id, water.id].sort(),
    );
    expect(listed.data!.referrals.nodes.every((n: { overdue: boolean }) => n.overdue)).toBe(true);

    expect(await runTask('overdue')).toEqual({ flagged: 2 });
    expect((await h.core.repo.findById(power.id))!.overdueFlaggedAt).toBeInstanceOf(Date);
    expect((await h.core.repo.findById(land.id))!.overdueFlaggedAt).toBeNull();
    expect((await h.core.repo.findById(closed.id))!.overdueFlaggedAt).toBeNull();

    const reminder = await h.queue('notifications').getJob(overdueNotificationId(power.id));
    expect(reminder?.data).toMatchObject({
      kind: 'email',
      recipients: [{ id: 'agency-EVNHCMC', email: 'cskh@evnhcmc.example.vn', name: 'Phòng CSKH' }],
      message: {
        template: 'referral.overdue',
        data: {
          trackingCode: power.trackingCode,
          agencyName: expect.stringContaining('Điện lực'),
          url: `https://cds.example.vn/quan-tri/phan-anh/${power.id}`,
        },
      },
    });
    // No contact for the water company: flagged, but nobody to remind (logged).
    expect(await h.queue('notifications').getJob(overdueNotificationId(water.id))).toBeUndefined();

    expect(await runTask('overdue')).toEqual({ flagged: 0 });
    offsetMs = 241 * HOUR;
    expect(await runTask('overdue')).toEqual({ flagged: 1 });
    const reminders = (await h.queue('notifications').getJobs(['waiting'])).filter(
      (j) => j.data.message?.template === 'referral.overdue',
    );
    expect(reminders.map((j) => j.id).sort()).toEqual(
      [overdueNotificationId(power.id), overdueNotificationId(land.id)].sort(),
    );
  });

  it('stops counting a referral as overdue once it is closed', async () => {
    const { id } = await forwarded('1022-LATE', 'DIEN', 'EVNHCMC', 24);
    offsetMs += 25 * HOUR;
    const before = await h.call(viewers.moderator(), REFERRAL_BY_ID, { id });
    expect(before.errors).toBeUndefined();
    const overdue = async () =>
      (
        await h.call(viewers.moderator(), `query($id: ID!) { referral(id: $id) { overdue } }`, {
          id,
        })
      ).data!.referral.overdue;
    expect(await overdue()).toBe(true);
    await h.call(viewers.officer('EVNHCMC'), UPDATE_STATUS, { id, status: 'RESOLVED' });
    expect(await overdue()).toBe(false);
  });
});

describe('recovery', () => {
  it('queues the dispatch of a referral whose job was never recorded', async () => {
    // As if the process stopped between saving the referral and recording its job.
    const referral = await insertReferral(h, { createdAt: clock(), updatedAt: clock() });
    const id = referral._id.toHexString();
    expect(await h.queue('referral-dispatch').getJob(dispatchJobId(id, 1))).toBeUndefined();
    expect((await runTask('recover')).dispatches).toBe(0); // too fresh to be suspicious

    offsetMs += 3 * 60_000;
    expect((await runTask('recover')).dispatches).toBe(1);
    expect((await h.queue('referral-dispatch').getJob(dispatchJobId(id, 1)))?.data).toEqual({
      referralId: id,
    });
    // And the dispatch ran (no hotline here, so it failed for good).
    await waitUntil(async () => (await h.core.repo.findById(id))!.status === 'FAILED', {
      what: 'the recovered dispatch to run',
    });
  });

  it('finishes a change whose writer stopped after claiming it', async () => {
    const referral = await insertReferral(h);
    const id = referral._id.toHexString();
    await h.core.referrals.recordForwarded(id, '1022-CRASH');
    // A hotline callback's event, claimed (version 3) but never applied nor queued.
    const at = new Date(clock().getTime() - 5 * 60_000);
    const webhookId = updatedWebhookId(id, 3);
    await claimAcknowledgement(id, {
      note: 'Tổng đài đã tiếp nhận.',
      at,
      patch: { status: 'ACKNOWLEDGED', updatedAt: at, publicResponse: null, closedAt: null },
      effects: [
        {
          queue: 'notifications',
          jobId: webhookId,
          payload: {
            kind: 'webhook',
            notificationId: webhookId,
            event: 'referral.updated',
            payload: { trackingCode: referral.trackingCode, status: 'ACKNOWLEDGED' },
          },
        },
      ],
      effectsQueuedAt: null,
    });
    // Not history until applied.
    const pending = await h.call(viewers.moderator(), REFERRAL_BY_ID, { id });
    expect(pending.data!.referral.history.map((e: { status: string }) => e.status)).toEqual([
      'RECEIVED',
      'FORWARDED',
    ]);

    expect((await runTask('recover')).events).toBeGreaterThanOrEqual(1);
    const after = (await h.core.repo.findById(id))!;
    expect(after).toMatchObject({ status: 'ACKNOWLEDGED', version: 3 });
    expect((await h.queue('notifications').getJob(webhookId))?.data.event).toBe('referral.updated');
    const event = await h.core.models.ReferralEvent.findById(`${id}.3`).lean();
    expect(event!.effectsQueuedAt).toBeInstanceOf(Date);
  });

  it('lets the next writer finish a claimed change before applying its own', async () => {
    const referral = await insertReferral(h);
    const id = referral._id.toHexString();
    await h.core.referrals.recordForwarded(id, '1022-NEXT');
    const at = clock();
    await claimAcknowledgement(id, {
      note: null,
      at,
      patch: { status: 'ACKNOWLEDGED', updatedAt: at },
      effects: [],
      effectsQueuedAt: at,
    });
    const moved = await h.call(viewers.officer('SO-XD'), UPDATE_STATUS, {
      id,
      status: 'IN_PROGRESS',
      note: 'Đang xử lý.',
    });
    expect(moved.errors).toBeUndefined();
    const staff = await h.call(viewers.moderator(), REFERRAL_BY_ID, { id });
    expect(staff.data!.referral.history.map((e: { status: string }) => e.status)).toEqual([
      'RECEIVED',
      'FORWARDED',
      'ACKNOWLEDGED',
      'IN_PROGRESS',
    ]);
  });
});

describe('cleanup', () => {
  it('drops callback receipts past their window and keeps the others', async () => {
    const { CallbackReceipt } = h.core.models;
    const now = clock();
    await CallbackReceipt.create([
      { _id: 'sha256=old', receivedAt: now, expiresAt: new Date(now.getTime() - 1000) },
      { _id: 'sha256=new', receivedAt: now, expiresAt: new Date(now.getTime() + 600_000) },
    ]);
    expect((await runTask('cleanup')).receiptsDeleted).toBe(1);
    expect((await CallbackReceipt.find().lean()).map((r) => r._id)).toEqual(['sha256=new']);
  });
});
