// Citizens' feedback finds its way: on-topic feedback becomes a forum thread, the rest goes to
// the 1022 hotline and comes back resolved; moderators refer threads and the forum shows it.
import { describe, expect, it } from 'vitest';
import { mailTo, person, run, waitUntil } from './support/portal';

describe('feedback and hotline referrals across services', () => {
  it('turns on-topic feedback into a FEEDBACK thread on the forum', async () => {
    const citizen = await person('citizen');
    const subject = `Đề xuất số hóa hồ sơ đất đai ${Date.now()}`;
    const { submitFeedback } = await run(
      'SubmitFeedback',
      {
        input: {
          subject,
          body: 'Nên cho phép tra cứu tình trạng hồ sơ đất đai trực tuyến qua ứng dụng Công dân số.',
        },
      },
      citizen,
    );
    expect(submitFeedback.routedTo).toBe('FORUM');
    const thread = await waitUntil(
      async () => (await run('ForumThread', { id: submitFeedback.threadId })).thread,
      {
        what: 'the forum to create the feedback thread',
        timeoutMs: 60_000,
      },
    );
    expect(thread).toMatchObject({
      id: submitFeedback.threadId,
      title: subject,
      kind: 'FEEDBACK',
      status: 'OPEN',
    });
  });

  it('forwards off-topic feedback to the hotline, tracks it to RESOLVED and mails the citizen', async () => {
    const email = `cong.dan.${Date.now()}@example.vn`;
    const { submitFeedback } = await run('SubmitFeedback', {
      input: {
        subject: 'Mất điện kéo dài ở phường Bến Thành',
        body: 'Khu phố 3 mất điện từ 7 giờ sáng đến nay chưa có điện trở lại.',
        contactEmail: email,
        categoryCode: 'DIEN',
      },
    });
    expect(submitFeedback).toMatchObject({ routedTo: 'HOTLINE', threadId: null });
    expect(submitFeedback.trackingCode).toMatch(/^HL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const tracked = await waitUntil(
      async () => {
        const { referralByTrackingCode: r } = await run('TrackReferral', {
          code: submitFeedback.trackingCode,
        });
        return r?.status === 'RESOLVED' ? r : null;
      },
      { what: 'the hotline to resolve the referral', timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(tracked.categoryCode).toBe('DIEN');
    expect(tracked.history.map((h: { status: string }) => h.status)).toEqual(
      expect.arrayContaining(['RECEIVED', 'FORWARDED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED']),
    );
    // The public answer never carries the citizen's contact.
    expect(JSON.stringify(tracked)).not.toContain(email);

    const mail = await mailTo(email);
    expect(mail.text).toContain(submitFeedback.trackingCode);
  });

  it('lets a moderator refer a thread to the hotline; the forum then shows it as REFERRED', async () => {
    const citizen = await person('citizen');
    const moderator = await person('moderator');
    const { createThread } = await run(
      'CreateThread',
      {
        input: {
          title: `Rác thải tồn đọng trên đường Nguyễn Trãi ${Date.now()}`,
          body: 'Rác chất đống nhiều ngày chưa được thu gom.',
          kind: 'FEEDBACK',
        },
      },
      citizen,
    );
    const { referThreadToHotline: referral } = await run(
      'ReferThreadToHotline',
      {
        threadId: createThread.id,
        categoryCode: 'MOI-TRUONG',
        note: 'Không thuộc lĩnh vực chuyển đổi số',
      },
      moderator,
    );
    expect(referral).toMatchObject({ targetAgency: 'SO-NNMT', thread: { id: createThread.id } });

    const thread = await waitUntil(
      async () => {
        const { thread: t } = await run('ForumThread', { id: createThread.id });
        return t?.status === 'REFERRED' && t.referral ? t : null;
      },
      { what: 'the thread to show its referral', timeoutMs: 60_000 },
    );
    expect(thread.referral.trackingCode).toBe(referral.trackingCode);
  });
});
