import type { Logger } from '@portal/logger';
import type { RenderResult } from '../audio/speech-renderer';
import type { ContentArticles, PublishedArticle } from '../content/content-articles';
import { groupIntoSections, sectionKey } from '../domain/issue-sections';
import { buildReadAloudText, readAloudRecord } from '../domain/read-aloud-text';
import type { BulletinModels } from '../models';

export interface DemoSeedDeps {
  models: BulletinModels;
  content: ContentArticles;
  renderSpeech: (text: string, fileName: string) => Promise<RenderResult>;
  logger: Logger;
  now?: Date;
}

/** The demo issues' sections, in reading order (the scale data's issues use them too). */
export const DEMO_SECTIONS = ['Chỉ đạo, điều hành', 'Hoạt động nổi bật', 'Cẩm nang chuyển đổi số'];

const EDITORIALS = [
  'Chính quyền số lấy người dân và doanh nghiệp làm trung tâm: mỗi dịch vụ công trực tuyến phải đơn giản hơn, nhanh hơn và minh bạch hơn.',
  'Dữ liệu là tài nguyên mới. Các sở, ban, ngành cần chia sẻ dữ liệu qua nền tảng tích hợp của Thành phố thay vì yêu cầu người dân khai báo lại.',
  'Kinh tế số chiếm tỷ trọng ngày càng lớn trong GRDP của Thành phố; doanh nghiệp nhỏ và vừa cần được hỗ trợ để bắt đầu chuyển đổi số.',
  'An toàn thông tin là điều kiện tiên quyết: mỗi hệ thống phục vụ người dân phải được đánh giá và giám sát thường xuyên.',
  'Kỹ năng số cho cán bộ, công chức là nền tảng của chính quyền số. Cẩm nang trong số này giúp quý vị triển khai ngay tại đơn vị.',
  'Đô thị thông minh bắt đầu từ những bài toán cụ thể: giao thông, ngập nước, môi trường và y tế cộng đồng.',
];

/** The n-th demo editorial, addressed to the leaders the bulletin is for (sanitized HTML). */
export function demoEditorial(n: number): string {
  return `<p>Kính gửi quý lãnh đạo các sở, ban, ngành, Ủy ban nhân dân các phường, xã, đặc khu.</p><p>${EDITORIALS[n % EDITORIALS.length]}</p>`;
}

/** The editors' note on an issue's first item. */
export const DEMO_NOTE = 'Đề nghị quý vị lưu ý triển khai tại đơn vị.';

/** The `count` months before `now`'s month, oldest first: the bulletin is out early each month. */
export function demoMonths(now: Date, count = 12): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  for (let back = count; back >= 1; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    months.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 });
  }
  return months;
}

async function publishedArticles(deps: DemoSeedDeps): Promise<PublishedArticle[]> {
  try {
    return await deps.content.listPublished(36);
  } catch (err) {
    deps.logger.warn(
      { err: (err as Error).message },
      'content service unreachable; demo issues get no items',
    );
    return [];
  }
}

/**
 * Twelve published monthly issues (upserted by year and month), with items pointing at
 * content's published articles when there are any, and the newest with its audio rendered
 * by the real speech engine. Marked as announced, so nobody is mailed about demo data.
 */
export async function seedDemoIssues(
  deps: DemoSeedDeps,
): Promise<{ issues: number; items: number }> {
  const { issues, items } = deps.models;
  const now = deps.now ?? new Date();
  const articles = await publishedArticles(deps);
  if (articles.length === 0)
    deps.logger.warn('no published articles in content; demo issues have no items');
  const months = demoMonths(now);
  let itemCount = 0;
  for (const [i, { year, month }] of months.entries()) {
    const latest = i === months.length - 1;
    // Published at 08:00 Ho Chi Minh City time on the 5th.
    const publishedAt = new Date(Date.UTC(year, month - 1, 5, 1, 0, 0));
    const title = `Bản tin Chuyển đổi số TP.HCM — Tháng ${month}/${year}`;
    const editorial = demoEditorial(i);
    // Numbers continue after any issue already there (the seed may meet an editor's issue).
    const last = await issues.findOne({}, { number: 1 }).sort({ number: -1 }).lean();
    await issues.updateOne(
      { year, month },
      {
        $setOnInsert: {
          number: (last?.number ?? 0) + 1,
          year,
          month,
          title,
          editorial,
          status: 'PUBLISHED',
          scheduledAt: publishedAt,
          publishedAt,
          readAloud: null,
          publication: null,
          version: 1,
          createdBy: 'seed',
          createdAt: publishedAt,
          updatedAt: publishedAt,
        },
      },
      { upsert: true },
    );
    const issue = (await issues.findOne({ year, month }).lean())!;
    // Three articles per issue, one per section, taking turns through what content has.
    const picked = articles.length
      ? [0, 1, 2]
          .map((k) => articles[(i * 3 + k) % articles.length]!)
          .filter((a, k, all) => all.indexOf(a) === k)
      : [];
    for (const [k, article] of picked.entries()) {
      const section = DEMO_SECTIONS[k % DEMO_SECTIONS.length]!;
      await items.updateOne(
        { issueId: issue._id, articleId: article.id },
        {
          $setOnInsert: {
            issueId: issue._id,
            articleId: article.id,
            sectionKey: sectionKey(section),
            sectionTitle: section,
            position: 1,
            note: k === 0 ? DEMO_NOTE : null,
            droppedAt: null,
            createdBy: 'seed',
            createdAt: new Date(publishedAt.getTime() - (3 - k) * 60_000),
          },
        },
        { upsert: true },
      );
      itemCount++;
    }
    const byId = new Map(picked.map((a) => [a.id, a]));
    const sections = groupIntoSections(await items.find({ issueId: issue._id }).lean());
    const text = buildReadAloudText({
      number: issue.number,
      year,
      month,
      title: issue.title,
      editorial: issue.editorial,
      sections: sections.map((s) => ({
        title: s.title,
        items: s.items.map((item) => ({
          title: byId.get(item.articleId)?.title ?? '',
          summary: byId.get(item.articleId)?.summary ?? null,
          note: item.note,
        })),
      })),
    });
    let audio: RenderResult | null = null;
    if (latest) {
      audio = await deps.renderSpeech(text, `${issue._id.toHexString()}.mp3`);
      if (!audio.ok) deps.logger.warn({ reason: audio.reason }, 'demo audio not rendered');
    }
    await issues.updateOne(
      { _id: issue._id },
      {
        $set: {
          readAloud: readAloudRecord(text, audio),
          publication: {
            audioDoneAt: publishedAt,
            notifiedAt: publishedAt,
            droppedItems: 0,
            highlights: sections.flatMap((s) =>
              s.items.map((item) => ({
                articleId: item.articleId,
                slug: byId.get(item.articleId)?.slug ?? null,
                title: byId.get(item.articleId)?.title ?? '',
              })),
            ),
          },
        },
      },
    );
  }
  deps.logger.info({ issues: months.length, items: itemCount }, 'demo bulletin issues seeded');
  return { issues: months.length, items: itemCount };
}
