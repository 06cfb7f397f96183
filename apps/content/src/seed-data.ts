import { z } from 'zod';
import articles from '../data/seed-articles.json' with { type: 'json' };
import categories from '../data/seed-categories.json' with { type: 'json' };
import {
  ARTICLE_KINDS,
  ARTICLE_SCOPES,
  ARTICLE_STATUSES,
  type ArticleKind,
} from './domain/article-enums';

// The demo data is data: it lives in apps/content/data/*.json and is checked here against
// the vocabularies, so a misspelt kind or status fails at load rather than in the database.

const seedCategory = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  children: z.array(z.object({ slug: z.string(), name: z.string() })),
});

const seedArticle = z.object({
  kind: z.enum(ARTICLE_KINDS),
  scope: z.enum(ARTICLE_SCOPES),
  category: z.string(),
  unit: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  /** Published unless stated. */
  status: z.enum(ARTICLE_STATUSES).optional(),
});
export type SeedArticle = z.infer<typeof seedArticle>;

/** Demo categories: a two-level tree (slug, name, children). */
export const SEED_CATEGORIES = z.array(seedCategory).parse(categories);

/** 66 demo articles of every kind and scope; most published, a few in each other status. */
export const SEED_ARTICLES: SeedArticle[] = z.array(seedArticle).parse(articles);

/** A plausible body for a demo article: a lead, a paragraph by kind, and practical details. */
export function seedBody(article: SeedArticle, unitName: string): string {
  const byKind: Record<ArticleKind, string> = {
    NEWS: `<p>Theo ${unitName}, kết quả này có được nhờ sự phối hợp của các sở, ngành, phường, xã và sự tham gia tích cực của người dân, doanh nghiệp. Trong thời gian tới, Thành phố tiếp tục mở rộng triển khai và lắng nghe góp ý để hoàn thiện.</p>`,
    PLAN: `<h2>Mục tiêu</h2><ul><li>Hoàn thành các chỉ tiêu chuyển đổi số đã đề ra theo lộ trình.</li><li>Bảo đảm dữ liệu đúng, đủ, sạch, sống và được chia sẻ an toàn.</li><li>Người dân và doanh nghiệp là trung tâm của mọi dịch vụ số.</li></ul><h2>Tổ chức thực hiện</h2><p>${unitName} chủ trì, phối hợp các cơ quan liên quan xây dựng lộ trình chi tiết, định kỳ báo cáo Ủy ban nhân dân Thành phố.</p>`,
    PROGRAMME: `<h2>Nội dung chương trình</h2><p>Chương trình được triển khai trong năm, với các hoạt động đào tạo, hỗ trợ trực tiếp và truyền thông. ${unitName} là đầu mối tiếp nhận đăng ký và giải đáp thắc mắc.</p><table><tr><th>Hoạt động</th><th>Thời gian</th></tr><tr><td>Đăng ký tham gia</td><td>Quý I</td></tr><tr><td>Triển khai</td><td>Quý II – Quý IV</td></tr></table>`,
    HANDBOOK: `<h2>Các bước thực hiện</h2><ol><li>Chuẩn bị điện thoại có kết nối Internet và giấy tờ cần thiết.</li><li>Đăng nhập bằng tài khoản định danh điện tử VNeID.</li><li>Làm theo hướng dẫn trên màn hình và kiểm tra kỹ thông tin trước khi gửi.</li></ol><h2>Lưu ý</h2><p>Không cung cấp mật khẩu, mã OTP cho bất kỳ ai. Khi cần hỗ trợ, liên hệ ${unitName} hoặc Tổng đài 1022.</p>`,
    ANNOUNCEMENT: `<p>${unitName} trân trọng thông báo để cơ quan, tổ chức và người dân được biết, chủ động sắp xếp. Mọi thắc mắc xin liên hệ Tổng đài 1022 để được hướng dẫn.</p>`,
    COOPERATION: `<h2>Nội dung hợp tác</h2><p>Hai bên thống nhất trao đổi chuyên gia, chia sẻ kinh nghiệm và triển khai thí điểm các giải pháp phù hợp với điều kiện của Thành phố. ${unitName} là đầu mối theo dõi, đánh giá kết quả hợp tác.</p>`,
  };
  return `<p><strong>${article.summary}</strong></p>${byKind[article.kind]}`;
}
