import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { Producer } from '@portal/queue';
import { errorCodes, testViewer } from '@portal/testing';
import { AnswerNoticeService } from '../src/services/answer-notice.service';
import { contractOperation } from '@portal/local-services';
import { newReply, newThread, publicId, useForum } from './forum-harness';
import { FORUM_THREAD } from './forum-operations';

const forum = useForum('forum_answers');
const author = testViewer('citizen', {
  id: 'author',
  displayName: 'Hội Doanh nghiệp trẻ',
  email: 'hdn@example.vn',
});
const replier = testViewer('citizen', {
  id: 'replier',
  displayName: 'Chuyên gia Lâm',
  email: 'lam@example.vn',
});
const silent = testViewer('citizen', { id: 'silent', displayName: 'Không có e-mail' });
const moderator = testViewer('moderator', { id: 'mod' });
const officer = testViewer('officer', {
  id: 'officer-khcn',
  displayName: 'Cán bộ Sở KH&CN',
  department: 'SO-KHCN',
});
const otherOfficer = testViewer('officer', { id: 'officer-yt', department: 'SO-YT' });

const ANSWER = contractOperation('PostOfficialAnswer');

/** The worker's notice service, as start-workers.ts builds it, over this file's database. */
const answerNotices = (notifications: Producer<'notifications'>, batchSize: number) =>
  new AnswerNoticeService({
    models: forum.models,
    notifications,
    webBaseUrl: 'https://cds.example.vn',
    batchSize,
  });

const queues: Queue[] = [];
afterAll(async () => {
  await Promise.all(queues.map((q) => q.close()));
});
const queue = (name: string) => {
  const q = new Queue(name, { connection: forum.redis, prefix: forum.queuePrefix });
  queues.push(q);
  return q;
};

async function assignedThread(): Promise<string> {
  const id = await newThread(forum, author);
  await forum.call(moderator, contractOperation('AssignThread'), { id, department: 'SO-KHCN' });
  return id;
}

describe('official answers', () => {
  it('lets an officer of the assigned department answer, shown with the department name', async () => {
    const id = await assignedThread();
    const res = await forum.call(officer, ANSWER, {
      threadId: id,
      body: '<p>Sở Khoa học và Công nghệ tiếp thu đề xuất và sẽ triển khai trong quý tới.</p>',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.postOfficialAnswer).toMatchObject({ id, status: 'ANSWERED' });
    const page = await forum.call(null, FORUM_THREAD, { id });
    expect(page.data!.thread).toMatchObject({
      status: 'ANSWERED',
      assignedDepartment: 'SO-KHCN',
      replyCount: 0,
      officialAnswer: { author: { id: publicId('officer-khcn'), displayName: 'Cán bộ Sở KH&CN' } },
    });
    const dept = await forum.call(
      null,
      'query($id: ID!) { thread(id: $id) { officialAnswer { isOfficialAnswer department { code name } } } }',
      { id },
    );
    expect(dept.data!.thread.officialAnswer).toEqual({
      isOfficialAnswer: true,
      department: { code: 'SO-KHCN', name: 'Sở Khoa học và Công nghệ' },
    });
  });

  it('refuses every other role, another department, unassigned and closed threads', async () => {
    const id = await assignedThread();
    const body = '<p>Trả lời</p>';
    expect(errorCodes(await forum.call(otherOfficer, ANSWER, { threadId: id, body }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await forum.call(author, ANSWER, { threadId: id, body }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await forum.call(moderator, ANSWER, { threadId: id, body }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await forum.call(null, ANSWER, { threadId: id, body }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const unassigned = await newThread(forum, author);
    expect(errorCodes(await forum.call(officer, ANSWER, { threadId: unassigned, body }))).toEqual([
      'FORBIDDEN',
    ]);
    await forum.call(moderator, 'mutation($id: ID!) { closeThread(id: $id) { id } }', { id });
    expect(errorCodes(await forum.call(officer, ANSWER, { threadId: id, body }))).toEqual([
      'CONFLICT',
    ]);
    const threads = await forum.models.threads.findById(id).lean();
    expect(threads!.workflowStatus).toBe('CLOSED');
  });

  it('queues the followers’ notice through the outbox, and fans it out in stable batches once', async () => {
    const id = await assignedThread();
    await newReply(forum, replier, id);
    await newReply(forum, silent, id);
    const late = testViewer('citizen', { id: 'late-follower', email: 'late@example.vn' });
    const res = await forum.call(officer, ANSWER, {
      threadId: id,
      body: '<p>Đã có kết quả xử lý.</p>',
    });
    const answerId = res.data!.postOfficialAnswer.officialAnswer.id as string;
    // The outbox handed the fan-out job to the forum-events queue with a deterministic id.
    const events = queue('forum-events');
    const job = await events.getJob(`answer-posted.${answerId}`);
    expect(job?.data).toEqual({ type: 'answer.posted', threadId: id, postId: answerId });
    expect(await forum.server.outbox.pendingCount()).toBe(0);
    // Someone following after the answer is not part of this notice.
    await forum.call(late, 'mutation($id: ID!) { followThread(id: $id) { viewerIsFollowing } }', {
      id,
    });

    const notifications = new Producer('notifications', forum.redis, forum.queuePrefix);
    const notices = answerNotices(notifications, 1);
    const event = { threadId: id, postId: answerId };
    expect(await notices.notify(event)).toBe(2);
    // A retried job computes the same batches: nothing is added twice.
    expect(await notices.notify(event)).toBe(2);
    await notifications.close();
    const jobs = await queue('notifications').getJobs(['waiting', 'delayed', 'prioritized']);
    const mine = jobs.filter((j) => j.data.notificationId === `forum.official-answer.${answerId}`);
    expect(mine.map((j) => j.id).sort()).toEqual([
      `forum-answer.${answerId}.0`,
      `forum-answer.${answerId}.1`,
    ]);
    const recipients = mine.flatMap((j) =>
      j.data.recipients.map((r: { email: string }) => r.email),
    );
    expect(recipients.sort()).toEqual(['hdn@example.vn', 'lam@example.vn']);
    expect(mine[0]!.data.message).toMatchObject({
      template: 'forum.official-answer',
      data: {
        threadId: id,
        department: 'Sở Khoa học và Công nghệ',
        answerExcerpt: 'Đã có kết quả xử lý.',
        url: `https://cds.example.vn/dien-dan/${id}`,
      },
    });
  });

  it('respects unfollowing, and notifies nobody once the answer is hidden', async () => {
    const id = await assignedThread();
    await forum.call(
      author,
      'mutation($id: ID!) { unfollowThread(id: $id) { viewerIsFollowing } }',
      { id },
    );
    await newReply(forum, replier, id);
    const res = await forum.call(officer, ANSWER, {
      threadId: id,
      body: '<p>Trả lời chính thức.</p>',
    });
    const answerId = res.data!.postOfficialAnswer.officialAnswer.id as string;
    const notifications = new Producer('notifications', forum.redis, forum.queuePrefix);
    const notices = answerNotices(notifications, 100);
    const notify = (postId: string) => notices.notify({ threadId: id, postId });
    expect(await notify(answerId)).toBe(1);
    const job = await queue('notifications').getJob(`forum-answer.${answerId}.0`);
    expect(job!.data.recipients.map((r: { id: string }) => r.id)).toEqual(['replier']);
    await forum.call(moderator, contractOperation('ModerateContent'), {
      targetId: answerId,
      action: 'HIDE',
    });
    expect(await notify('f'.repeat(24))).toBeNull();
    expect(await notify(answerId)).toBeNull();
    await notifications.close();
  });
});
