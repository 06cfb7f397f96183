// An editor publishes this month's bulletin from a fresh article: the issue resolves the
// article through the content subgraph, has read-aloud audio, and reaches a subscriber who
// confirmed by the link in their mail.
import { describe, expect, it } from 'vitest';
import { findExecutable } from '@portal/local-services';
import { mailTo, person, run, waitUntil } from './support/portal';

function cityMonth(now = new Date()): { year: number; month: number } {
  const local = new Date(now.getTime() + 7 * 3600_000); // Ho Chi Minh City is UTC+7
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

describe('the monthly bulletin', () => {
  it('publishes an issue of published articles to confirmed subscribers, with audio', async () => {
    const editor = await person('editor');
    const subscriber = `lanh.dao.${Date.now()}@example.vn`;

    // Double opt-in: subscribing sends a confirmation link; following it confirms.
    expect((await run('SubscribeBulletin', { email: subscriber })).subscribeToBulletin).toBe(true);
    const confirmation = await mailTo(subscriber);
    const link = /https?:\/\/\S+\/bulletin\/subscriptions\/confirm\?token=[^\s"<>]+/.exec(
      confirmation.text,
    )?.[0];
    expect(link, confirmation.text).toBeTruthy();
    const confirmed = await fetch(link!);
    expect(confirmed.status).toBe(200);

    const { createArticle } = await run(
      'CreateArticle',
      {
        input: {
          title: 'Thành phố khai trương Trung tâm dữ liệu dùng chung',
          summary: 'Trung tâm dữ liệu phục vụ các sở, ngành.',
          body: '<p>Trung tâm dữ liệu dùng chung chính thức đi vào hoạt động.</p>',
          kind: 'NEWS',
          scope: 'CITY',
        },
      },
      editor,
    );
    await run('PublishArticle', { id: createArticle.id }, editor);

    const { year, month } = cityMonth();
    const { createBulletinIssue: issue } = await run(
      'CreateBulletinIssue',
      {
        input: {
          year,
          month,
          title: `Bản tin Chuyển đổi số tháng ${month}/${year}`,
          editorial: '<p>Kính gửi quý lãnh đạo các cơ quan, đơn vị.</p>',
        },
      },
      editor,
    );
    const { addBulletinItem } = await run(
      'AddBulletinItem',
      {
        issueId: issue.id,
        section: 'Tin nổi bật',
        articleId: createArticle.id,
        note: 'Hạ tầng dữ liệu của Thành phố',
      },
      editor,
    );
    expect(addBulletinItem.sections[0].items[0].article).toEqual({
      id: createArticle.id,
      title: 'Thành phố khai trương Trung tâm dữ liệu dùng chung',
    });

    await run('PublishBulletinIssueNow', { id: issue.id }, editor);
    const latest = await waitUntil(
      async () => {
        const { latestBulletinIssue: l } = await run('LatestBulletin');
        return l?.id === issue.id ? l : null;
      },
      { what: 'the issue to be published', timeoutMs: 90_000, intervalMs: 500 },
    );
    // The article comes from the content subgraph, through the gateway.
    expect(latest.sections[0]).toMatchObject({
      title: 'Tin nổi bật',
      items: [
        {
          note: 'Hạ tầng dữ liệu của Thành phố',
          article: {
            id: createArticle.id,
            title: 'Thành phố khai trương Trung tâm dữ liệu dùng chung',
            summary: 'Trung tâm dữ liệu phục vụ các sở, ngành.',
          },
        },
      ],
    });
    expect(latest.readAloud.text).toContain('Trung tâm dữ liệu dùng chung');
    if (findExecutable('espeak-ng') && findExecutable('lame')) {
      // The audio is rendered after the issue is published (publishing never waits for it).
      const audioUrl = await waitUntil(
        async () => (await run('LatestBulletin')).latestBulletinIssue?.readAloud?.audioUrl ?? null,
        { what: 'the read-aloud audio', timeoutMs: 90_000, intervalMs: 500 },
      );
      expect(audioUrl).toMatch(/\/audio\/.+/);
      const audio = await fetch(audioUrl);
      expect(audio.status).toBe(200);
      expect(audio.headers.get('content-type')).toBe('audio/mpeg');
      expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }

    const announcement = await mailTo(
      subscriber,
      (m) =>
        m.subject.includes(`${month}/${year}`) ||
        m.text.includes(issue.id) ||
        m.text.includes('Trung tâm dữ liệu'),
    );
    expect(announcement.text).toContain('Trung tâm dữ liệu dùng chung');
    expect(announcement.headers['list-unsubscribe']).toBeTruthy();
  });
});
