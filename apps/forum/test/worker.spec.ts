import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '@portal/local-services';
import { Producer, jobId } from '@portal/queue';
import { Queue } from 'bullmq';
import {
  spawnServingApp,
  testProcessEnv,
  testViewer,
  waitForJob,
  waitUntil,
  type SpawnedApp,
} from '@portal/testing';
import { newReply, newThread, useForum } from './forum-harness';

const forum = useForum('forum_worker');
const author = testViewer('citizen', {
  id: 'w-author',
  displayName: 'Hiệp hội Phần mềm',
  email: 'vinasa@example.vn',
});
const moderator = testViewer('moderator', { id: 'w-mod' });
const officer = testViewer('officer', { id: 'w-officer', department: 'TT-CDS' });

let worker: SpawnedApp;
let events: Producer<'forum-events'>;
let notifications: Queue;

beforeAll(async () => {
  // The real worker process, as production runs it.
  worker = await spawnServingApp(
    'forum',
    'worker',
    {
      ...testProcessEnv(forum.connection.name, forum.queuePrefix),
      WEB_BASE_URL: 'https://cds.example.vn',
    },
    { waitFor: '/readyz' },
  );
  events = new Producer('forum-events', forum.redis, forum.queuePrefix);
  notifications = new Queue('notifications', {
    connection: forum.redis,
    prefix: forum.queuePrefix,
  });
}, 120_000);

afterAll(async () => {
  await events?.close();
  await notifications?.close();
  await worker?.stop();
});

describe('forum worker', () => {
  it('marks a referred thread REFERRED once, however often the event arrives', async () => {
    const id = await newThread(forum, author);
    const referralId = new Types.ObjectId().toHexString();
    const event = {
      type: 'thread.referred' as const,
      threadId: id,
      referralId,
      trackingCode: 'HCM-1022-0001',
    };
    await events.enqueue(event, { jobId: jobId('referred', id, referralId) });
    await events.enqueue(event, { jobId: jobId('referred', id, referralId, 'again') });
    await waitUntil(async () => (await events.queue.getCompletedCount()) >= 2, {
      what: 'both referral events processed',
    });
    const res = await forum.call(null, 'query($id: ID!) { thread(id: $id) { status } }', { id });
    expect(res.data!.thread.status).toBe('REFERRED');
    expect(await forum.models.moderationLog.countDocuments({ targetId: id, action: 'REFER' })).toBe(
      1,
    );
  });

  it('creates a FEEDBACK thread with exactly the given id, once', async () => {
    const threadId = new Types.ObjectId().toHexString();
    const event = {
      type: 'feedback.submitted' as const,
      threadId,
      feedbackId: 'fb-2025-0001',
      title: 'Góp ý về ứng dụng Công dân số',
      body: 'Ứng dụng nên cho phép đăng nhập bằng VNeID.\n\nXin cảm ơn.',
      author: { id: 'citizen-fb', displayName: 'Nguyễn Thị Lan' },
    };
    const before = await events.queue.getCompletedCount();
    await events.enqueue(event, { jobId: jobId('feedback', threadId) });
    await events.enqueue(event, { jobId: jobId('feedback', threadId, 'redelivered') });
    await waitUntil(async () => (await events.queue.getCompletedCount()) >= before + 2, {
      what: 'both feedback deliveries processed',
    });
    expect(await forum.models.threads.countDocuments({ feedbackId: 'fb-2025-0001' })).toBe(1);
    const res = await forum.call(
      null,
      'query($id: ID!) { thread(id: $id) { id kind status title body author { displayName } } }',
      {
        id: threadId,
      },
    );
    expect(res.data!.thread).toEqual({
      id: threadId,
      kind: 'FEEDBACK',
      status: 'OPEN',
      title: 'Góp ý về ứng dụng Công dân số',
      body: '<p>Ứng dụng nên cho phép đăng nhập bằng VNeID.</p><p>Xin cảm ơn.</p>',
      author: { displayName: 'Nguyễn Thị Lan' },
    });
  });

  it('fans an official answer out to followers as notification jobs', async () => {
    const id = await newThread(forum, author);
    const replier = testViewer('citizen', { id: 'w-replier', email: 'replier@example.vn' });
    await newReply(forum, replier, id);
    await forum.call(moderator, contractOperation('AssignThread'), { id, department: 'TT-CDS' });
    const res = await forum.call(officer, contractOperation('PostOfficialAnswer'), {
      threadId: id,
      body: '<p>Trung tâm Chuyển đổi số đã tiếp nhận.</p>',
    });
    const answerId = res.data!.postOfficialAnswer.officialAnswer.id as string;
    const job = await waitUntil(() => notifications.getJob(`forum-answer.${answerId}.0`), {
      what: 'the notification batch',
    });
    expect(job.data.notificationId).toBe(`forum.official-answer.${answerId}`);
    expect(job.data.recipients.map((r: { email: string }) => r.email).sort()).toEqual([
      'replier@example.vn',
      'vinasa@example.vn',
    ]);
    expect(job.data.message.data).toMatchObject({
      department: 'Trung tâm Chuyển đổi số Thành phố',
      url: `https://cds.example.vn/dien-dan/${id}`,
    });
  });

  it('fails a referral for an unknown thread for good, without retries', async () => {
    const threadId = new Types.ObjectId().toHexString();
    const id = jobId('referred', threadId);
    await events.enqueue(
      {
        type: 'thread.referred',
        threadId,
        referralId: new Types.ObjectId().toHexString(),
        trackingCode: 'X',
      },
      { jobId: id },
    );
    const failed = await waitForJob(events.queue, id, 'failed', { what: 'the job to fail' });
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/does not exist/);
  });
});
