import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { errorCodes, waitUntil } from '@portal/testing';
import {
  closedNotificationId,
  dispatchJobId,
  feedbackJobId,
  threadReferredJobId,
} from '../src/jobs/job-ids';
import {
  REFERRAL_BY_ID,
  REFER_THREAD,
  SUBMIT_FEEDBACK,
  TRACK_REFERRAL,
  submitHotlineFeedback,
  useReferralHarness,
  viewers,
} from './support/harness';

// The real thing end to end: subgraph, worker and the hotline simulator as a process, over
// HTTP, on FerretDB and Redis. The simulator calls back ACKNOWLEDGED, IN_PROGRESS, RESOLVED.
const h = useReferralHarness('lifecycle', { worker: true, hotline: true });

async function track(code: string) {
  const res = await h.call(null, TRACK_REFERRAL, { code });
  expect(res.errors).toBeUndefined();
  return res.data!.referralByTrackingCode;
}

describe('a hotline referral from feedback to RESOLVED', () => {
  it('is forwarded, acknowledged, handled and resolved through signed callbacks', async () => {
    const citizen = viewers.citizen('citizen-lifecycle', 'an.nguyen@example.vn');
    const { trackingCode, id } = await submitHotlineFeedback(h, 'NUOC', citizen);
    expect(trackingCode).toMatch(/^HL-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

    const resolved = await waitUntil(
      async () => {
        const r = await track(trackingCode);
        return r.status === 'RESOLVED' && r;
      },
      { what: 'the referral to be RESOLVED by hotline callbacks', timeoutMs: 30_000 },
    );
    expect(resolved).toMatchObject({ trackingCode, categoryCode: 'NUOC' });
    expect(resolved.publicResponse).toContain('đã xử lý phản ánh');
    const statuses = resolved.history.map((e: { status: string }) => e.status);
    // FORWARDED is recorded when the intake answer arrives; a quick hotline may call back first.
    expect(statuses.join(' ')).toMatch(/^RECEIVED (FORWARDED )?ACKNOWLEDGED IN_PROGRESS RESOLVED$/);
    const times = resolved.history.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Exactly one ticket, and the service knows it.
    const state = await h.sim('GET', '/_control/state');
    const tickets = state.tickets.filter((t: { externalId: string }) => t.externalId === id);
    expect(tickets).toHaveLength(1);
    const staff = await h.call(viewers.moderator(), REFERRAL_BY_ID, { id });
    expect(staff.data!.referral.hotlineTicketId).toBe(tickets[0].ticketId);
    expect(staff.data!.referral.history.at(-1)).toMatchObject({
      status: 'RESOLVED',
      by: 'Tổng đài 1022',
    });

    // The citizen hears about it once, at the address they gave.
    const mail = await waitUntil(() => h.queue('notifications').getJob(closedNotificationId(id)), {
      what: 'the referral.closed e-mail job',
    });
    expect(mail.data).toMatchObject({
      kind: 'email',
      recipients: [{ email: 'an.nguyen@example.vn', name: 'Nguyễn Văn An' }],
      message: {
        template: 'referral.closed',
        data: {
          trackingCode,
          status: 'RESOLVED',
          trackUrl: `https://cds.example.vn/tra-cuu-phan-anh?ma=${trackingCode}`,
        },
      },
    });
    // And partners got one webhook per change, with public fields only.
    const webhooks = (await h.queue('notifications').getJobs(['waiting', 'delayed'])).filter(
      (j) => j.data.kind === 'webhook' && j.data.payload.trackingCode === trackingCode,
    );
    expect(webhooks.length).toBe(statuses.length - 1);
    expect(JSON.stringify(webhooks.map((j) => j.data))).not.toContain('an.nguyen@example.vn');
  });
});

describe('referring a forum thread', () => {
  const threadId = new Types.ObjectId().toHexString();

  it('creates one referral, tells the forum, and refuses a second one with CONFLICT', async () => {
    const res = await h.call(viewers.moderator(), REFER_THREAD, {
      threadId,
      categoryCode: 'Y-TE',
      note: 'Người dân phản ánh cơ sở bán thực phẩm ôi thiu.',
    });
    expect(res.errors).toBeUndefined();
    const referral = res.data!.referThreadToHotline;
    expect(referral).toMatchObject({
      status: 'RECEIVED',
      targetAgency: 'SO-YT',
      thread: { id: threadId },
    });
    // 48 hours for the food-safety category.
    expect(Date.parse(referral.slaDueAt) - Date.now()).toBeGreaterThan(47 * 3600_000);

    const event = await waitUntil(
      () => h.queue('forum-events').getJob(threadReferredJobId(referral.id)),
      { what: 'the thread.referred job for the forum' },
    );
    expect(event.data).toEqual({
      type: 'thread.referred',
      threadId,
      referralId: referral.id,
      trackingCode: referral.trackingCode,
    });
    await waitUntil(async () => (await h.core.repo.findById(referral.id))?.hotlineTicketId, {
      what: 'the thread referral to reach the hotline',
    });

    const again = await h.call(viewers.moderator(), REFER_THREAD, {
      threadId,
      categoryCode: 'DIEN',
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(await h.core.models.Referral.countDocuments({ threadId })).toBe(1);
  });

  it('is for moderators and admins only', async () => {
    const other = new Types.ObjectId().toHexString();
    const vars = { threadId: other, categoryCode: 'DIEN' };
    expect(errorCodes(await h.call(null, REFER_THREAD, vars))).toEqual(['UNAUTHENTICATED']);
    for (const viewer of [
      viewers.citizen(),
      viewers.officer('EVNHCMC'),
      viewers.role('editor'),
      viewers.role('contributor'),
    ])
      expect(errorCodes(await h.call(viewer, REFER_THREAD, vars))).toEqual(['FORBIDDEN']);
    expect((await h.call(viewers.admin(), REFER_THREAD, vars)).errors).toBeUndefined();
  });

  it('refuses an unknown or inactive category, naming the field', async () => {
    const res = await h.call(viewers.moderator(), REFER_THREAD, {
      threadId: new Types.ObjectId().toHexString(),
      categoryCode: 'KHONG-CO',
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields).toEqual([
      { field: 'categoryCode', message: expect.stringContaining('not an active hotline category') },
    ]);
  });
});

describe('submitFeedback routing', () => {
  it('sends on-topic feedback to the forum as a FEEDBACK thread with the id it answers', async () => {
    const res = await h.call(viewers.citizen('citizen-forum'), SUBMIT_FEEDBACK, {
      input: {
        subject: 'Đề xuất số hóa hồ sơ đất đai',
        body: 'Nên cho phép tra cứu tình trạng hồ sơ đất đai trực tuyến qua ứng dụng.',
      },
    });
    expect(res.errors).toBeUndefined();
    const result = res.data!.submitFeedback;
    expect(result).toMatchObject({ routedTo: 'FORUM', trackingCode: null });
    expect(result.threadId).toMatch(/^[a-f0-9]{24}$/);

    const job = await waitUntil(
      () => h.queue('forum-events').getJob(feedbackJobId(result.threadId)),
      {
        what: 'the feedback.submitted job',
      },
    );
    expect(job.data).toEqual({
      type: 'feedback.submitted',
      threadId: result.threadId,
      feedbackId: result.threadId,
      title: 'Đề xuất số hóa hồ sơ đất đai',
      body: 'Nên cho phép tra cứu tình trạng hồ sơ đất đai trực tuyến qua ứng dụng.',
      author: { id: 'citizen-forum', displayName: 'Nguyễn Văn An' },
    });
    // Not both: no referral was made.
    expect(await h.core.models.Referral.countDocuments({ submittedBy: 'citizen-forum' })).toBe(0);
  });

  it('sends feedback with a hotline category to the hotline, with a tracking code and no thread', async () => {
    const res = await h.call(
      null,
      SUBMIT_FEEDBACK,
      {
        input: {
          subject: 'Rác thải ùn ứ trên đường',
          body: 'Rác thải ùn ứ ở đầu hẻm 45 đường Nguyễn Trãi nhiều ngày chưa được thu gom.',
          categoryCode: 'MOI-TRUONG',
          contactEmail: 'binh.tran@example.vn',
        },
      },
      { clientKey: 'client-anon-1' },
    );
    expect(res.errors).toBeUndefined();
    const result = res.data!.submitFeedback;
    expect(result).toMatchObject({ routedTo: 'HOTLINE', threadId: null });
    const referral = await h.core.repo.findByTrackingCode(result.trackingCode);
    expect(referral).toMatchObject({
      source: 'DIRECT',
      targetAgency: 'SO-NNMT',
      contact: { email: 'binh.tran@example.vn' },
      submittedBy: null,
    });
    const dispatch = await h
      .queue('referral-dispatch')
      .getJob(dispatchJobId(referral!._id.toHexString(), 1));
    expect(dispatch?.data).toEqual({ referralId: referral!._id.toHexString() });
    const feedbackJobs = (await h.queue('forum-events').getJobs(['waiting'])).filter(
      (j) => j.data.title === 'Rác thải ùn ứ trên đường',
    );
    expect(feedbackJobs).toHaveLength(0);
  });

  it('needs a contact e-mail from someone not signed in, and valid fields', async () => {
    const res = await h.call(null, SUBMIT_FEEDBACK, {
      input: { subject: 'Góp ý', body: 'Nội dung góp ý về cổng thông tin.' },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields).toEqual([
      { field: 'input.contactEmail', message: 'is required when not signed in' },
    ]);
    const bad = await h.call(viewers.citizen(), SUBMIT_FEEDBACK, {
      input: { subject: 'a', body: '', contactEmail: 'x', categoryCode: 'NUOC' },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(
      bad.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field).sort(),
    ).toEqual(['input.body', 'input.contactEmail', 'input.subject']);
  });
});
