import { describe, expect, it } from 'vitest';
import { TEST_INTERNAL_SECRET } from '@portal/testing';
import { renderSpeech } from '../src/audio/speech-renderer';
import { createContentArticles } from '../src/content/content-articles';
import { demoMonths, seedDemoIssues } from '../src/seed/demo-issues';
import { useBulletin } from './support/harness';

const b = useBulletin('seed');

const seed = (contentUrl: string) =>
  seedDemoIssues({
    models: b.models,
    content: createContentArticles({
      contentUrl,
      internalTokenSecret: TEST_INTERNAL_SECRET,
      logger: b.logger,
    }),
    renderSpeech: (text, file) => renderSpeech(text, file, b.ttsConfig),
    logger: b.logger,
    now: new Date('2026-11-20T03:00:00Z'),
  });

describe('demo seed', () => {
  it('takes the twelve months before the current one', () => {
    const months = demoMonths(new Date('2026-01-10T00:00:00Z'));
    expect(months[0]).toEqual({ year: 2025, month: 1 });
    expect(months.at(-1)).toEqual({ year: 2025, month: 12 });
    expect(months).toHaveLength(12);
  });

  it('seeds twelve issues without items when content is unreachable', async () => {
    expect(await seed('http://127.0.0.1:9')).toEqual({ issues: 12, items: 0 });
    expect(await b.models.issues.countDocuments({ status: 'PUBLISHED' })).toBe(12);
    expect(b.logs).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/content service unreachable/) }),
    );
  });

  it('points items at content’s published articles, the latest issue with audio, idempotently', async () => {
    for (let i = 0; i < 8; i++)
      b.content.add({
        title: `Bài viết mẫu số ${i + 1}`,
        summary: 'Tóm tắt.',
        status: i === 7 ? 'DRAFT' : 'PUBLISHED',
      });
    const drafts = [...b.content.articles.values()]
      .filter((a) => a.status === 'DRAFT')
      .map((a) => a.id);
    expect(await seed(b.content.url)).toEqual({ issues: 12, items: 36 });
    expect(await seed(b.content.url)).toEqual({ issues: 12, items: 36 });
    expect(await b.models.issues.countDocuments()).toBe(12);
    expect(await b.models.items.countDocuments()).toBe(36);
    expect(await b.models.items.countDocuments({ articleId: { $in: drafts } })).toBe(0);

    const res = await b.as(
      'anonymous',
      `{
      latestBulletinIssue { number year month readAloud { text audioUrl durationSeconds } sections { title items { article { id } } } }
      bulletinIssues(first: 24) { totalCount nodes { number readAloud { audioUrl } } }
    }`,
    );
    const latest = res.data!.latestBulletinIssue;
    expect(latest).toMatchObject({ number: 12, year: 2026, month: 10 });
    expect(latest.readAloud.audioUrl).toMatch(/\/audio\/[a-f0-9]{24}\.mp3$/);
    expect(latest.readAloud.durationSeconds).toBeGreaterThan(5);
    expect(latest.sections).toHaveLength(3);
    expect(res.data!.bulletinIssues.totalCount).toBe(12);
    expect(
      res.data!.bulletinIssues.nodes.filter(
        (n: { readAloud: { audioUrl: string | null } }) => n.readAloud.audioUrl,
      ),
    ).toHaveLength(1);
    // Demo issues count as announced: the worker's sweep will not mail anyone about them.
    expect(await b.models.issues.countDocuments({ 'publication.notifiedAt': null })).toBe(0);
  });
});
