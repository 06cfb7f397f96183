// A department answers a citizen's proposal publicly, and the people following the thread
// get the answer by e-mail through the notifier.
import { describe, expect, it } from 'vitest';
import { attempt, mailTo, person, run } from './support/portal';

describe('official answers', () => {
  it('is posted by the assigned department and mailed to the author and repliers', async () => {
    const stamp = Date.now();
    const author = await person('citizen', { email: `tac.gia.${stamp}@example.vn` });
    const replier = await person('citizen', { email: `nguoi.tra.loi.${stamp}@example.vn` });
    const moderator = await person('moderator');
    const officer = await person('officer', {
      department: 'SO-KHCN',
      name: 'Phòng Chuyển đổi số, Sở KH&CN',
    });
    const otherOfficer = await person('officer', { department: 'SO-YT' });

    const { createThread } = await run(
      'CreateThread',
      {
        input: {
          title: `Đề xuất mở rộng wifi công cộng tại các công viên ${stamp}`,
          body: 'Nên lắp thêm điểm phát wifi miễn phí.',
          kind: 'PROPOSAL',
        },
      },
      author,
    );
    await run(
      'ReplyToThread',
      { threadId: createThread.id, body: 'Tôi ủng hộ, nhất là ở công viên Tao Đàn.' },
      replier,
    );
    await run('AssignThread', { id: createThread.id, department: 'SO-KHCN' }, moderator);

    const refused = await attempt(
      'PostOfficialAnswer',
      { threadId: createThread.id, body: 'Không phải sở này.' },
      otherOfficer,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const answer = 'Sở sẽ triển khai thêm 50 điểm wifi công cộng trong năm tới.';
    const { postOfficialAnswer } = await run(
      'PostOfficialAnswer',
      { threadId: createThread.id, body: answer },
      officer,
    );
    expect(postOfficialAnswer).toMatchObject({
      status: 'ANSWERED',
      officialAnswer: { body: expect.stringContaining('50 điểm wifi') },
    });

    const { thread } = await run('ForumThread', { id: createThread.id });
    expect(thread).toMatchObject({ status: 'ANSWERED', assignedDepartment: 'SO-KHCN' });
    expect(thread.officialAnswer.body).toContain('50 điểm wifi');

    for (const address of [author.email!, replier.email!]) {
      const mail = await mailTo(address);
      expect(mail.text).toContain('50 điểm wifi');
    }
  });
});
