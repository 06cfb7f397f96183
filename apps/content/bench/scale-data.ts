// The content part of the benchmarks' scale data (SCALE_DATA in @portal/testing/bench): 10,000
// published articles over three years, newest first, as the public lists, search and article
// pages read them. Deterministic and incremental: the i-th article always has the id
// `scaleId('article', i)` and the same content, and a run inserts only the missing ones.
import { Types } from 'mongoose';
import { sanitizeRichText } from '@portal/html';
import { UNITS } from '@portal/reference-data';
import { SCALE_DATA, benchText, scaleCount, scaleId, storedIds } from '@portal/testing/bench';
import { slugify } from '@portal/text';
import type { ArticleKind, ArticleScope } from '../src/domain/article-enums';
import { dedupeTags, tagKey } from '../src/domain/article-input';
import { contributorRoleOf } from '../src/domain/contributor-role';
import type { ContentModels } from '../src/models';
import type { ArticleDoc } from '../src/models/article.model';
import { SEED_CATEGORIES, seedBody } from '../src/seed-data';
import { tokensOf } from '../src/services/article.service';

const BATCH = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The articles of the full scale data span three years: one every ~2.6 hours. */
const STEP = (3 * 365 * DAY) / SCALE_DATA.articles;

/** The kinds other than news, taking turns in the four slots of ten that are not news. */
const OTHER_KINDS: ArticleKind[] = ['PLAN', 'PROGRAMME', 'HANDBOOK', 'ANNOUNCEMENT', 'COOPERATION'];

const TITLE_LEAD: Record<ArticleKind, string> = {
  NEWS: 'Thành phố',
  PLAN: 'Kế hoạch',
  PROGRAMME: 'Chương trình',
  HANDBOOK: 'Cẩm nang',
  ANNOUNCEMENT: 'Thông báo',
  COOPERATION: 'Hợp tác',
};

const TOPICS = [
  'dịch vụ công trực tuyến',
  'dữ liệu mở',
  'định danh điện tử VNeID',
  'thanh toán không dùng tiền mặt',
  'y tế số',
  'giáo dục số',
  'an toàn thông tin',
  'trung tâm dữ liệu',
  'trí tuệ nhân tạo',
  'đô thị thông minh',
  'kỹ năng số',
  'doanh nghiệp số',
  'thương mại điện tử',
  'chính quyền số',
];

const TAGS = [
  'chuyển đổi số',
  'dữ liệu mở',
  'dịch vụ công',
  'chính quyền số',
  'kinh tế số',
  'xã hội số',
  'an toàn thông tin',
  'đô thị thông minh',
  'kỹ năng số',
  'VNeID',
  'thanh toán số',
  'trí tuệ nhân tạo',
];

const REPORTERS = [
  'Phóng viên Nguyễn Thu Hà',
  'Phóng viên Trần Minh Khoa',
  'Phóng viên Lê Ngọc Anh',
  'Biên tập viên Phạm Quốc Bảo',
  'Biên tập viên Võ Thị Mai',
  'Phóng viên Đặng Hoàng Long',
];

/** A number in [0, 1) fixed by the article's index and a salt (so every database looks alike). */
function chance(i: number, salt: number): number {
  let x = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return ((x ^ (x >>> 15)) >>> 0) / 2 ** 32;
}

function pick<T>(list: readonly T[], i: number, salt: number): T {
  return list[Math.floor(chance(i, salt) * list.length)]!;
}

function sentence(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** Mostly news, like the portal (6 in 10), then the other kinds in turn. */
export function scaleArticleKind(i: number): ArticleKind {
  const slot = i % 10;
  return slot < 6 ? 'NEWS' : OTHER_KINDS[(4 * Math.floor(i / 10) + slot - 6) % OTHER_KINDS.length]!;
}

function scopeOf(kind: ArticleKind, i: number): ArticleScope {
  const r = chance(i, 2);
  if (kind === 'COOPERATION') return r < 0.6 ? 'WORLD' : 'NATIONAL';
  if (kind === 'NEWS') return r < 0.65 ? 'CITY' : r < 0.9 ? 'NATIONAL' : 'WORLD';
  return r < 0.85 ? 'CITY' : 'NATIONAL';
}

/** How long before `anchor` the i-th article was published: ~2.6 hours apart, newest first. */
function ageOf(i: number): number {
  return Math.round(i * STEP + chance(i, 1) * 0.8 * STEP);
}

/** The demo seed's categories present in the database (by slug), or none. */
async function demoCategories(models: ContentModels): Promise<Map<string, Types.ObjectId>> {
  const slugs = SEED_CATEGORIES.flatMap((root) => [root.slug, ...root.children.map((c) => c.slug)]);
  const found = await models.categories
    .find({ slug: { $in: slugs } }, { slug: 1 })
    .lean<{ _id: Types.ObjectId; slug: string }[]>()
    .exec();
  const bySlug = new Map(found.map((c) => [c.slug, c._id]));
  // In the order of the demo seed's tree, whatever order the database answers in.
  return new Map(slugs.filter((s) => bySlug.has(s)).map((s) => [s, bySlug.get(s)!]));
}

function categoryOf(
  kind: ArticleKind,
  i: number,
  categories: Map<string, Types.ObjectId>,
): Types.ObjectId | null {
  if (categories.size === 0 || chance(i, 3) < 0.1) return null;
  if (kind === 'COOPERATION' && categories.has('hop-tac-quoc-te'))
    return categories.get('hop-tac-quoc-te')!;
  return pick([...categories.values()], i, 4);
}

/** The i-th generated article, published `ageOf(i)` before `anchor`. */
export function scaleArticle(
  i: number,
  anchor: number,
  categories: Map<string, Types.ObjectId>,
): ArticleDoc {
  const kind = scaleArticleKind(i);
  const topic = pick(TOPICS, i, 5);
  const title = `${TITLE_LEAD[kind]} ${topic}: ${benchText(i, 6 + Math.floor(chance(i, 6) * 6))}`;
  const lead = sentence(`${benchText(i + 7, 18 + Math.floor(chance(i, 7) * 20))}.`);
  // One in ten has no editor's summary: readers then see the first words of the body.
  const summary = chance(i, 8) < 0.1 ? null : lead;
  const unit = pick(UNITS, i, 9);
  // Four in ten come from the focal point of the source unit, the rest from the portal's reporters.
  const focalPoint = chance(i, 10) < 0.4;
  const author = focalPoint
    ? { id: `scale-focal-${unit.code.toLowerCase()}`, displayName: `Đầu mối ${unit.name}` }
    : {
        id: `scale-reporter-${Math.floor(chance(i, 11) * REPORTERS.length) + 1}`,
        displayName: pick(REPORTERS, i, 11),
      };
  const sourceUnit = focalPoint || chance(i, 12) < 0.8 ? unit.code : null;
  const tags = dedupeTags([
    pick(TAGS, i, 13),
    ...(chance(i, 14) < 0.6 ? [pick(TAGS, i, 15)] : []),
    ...(chance(i, 16) < 0.3 ? [topic] : []),
  ]);
  // Short notices to long plans: 1 to 8 paragraphs after the kind's usual text.
  const paragraphs = Array.from(
    { length: 1 + Math.floor(chance(i, 17) * 8) },
    (_, p) => `<p>${sentence(benchText(i * 31 + p, 40 + Math.floor(chance(i + p, 18) * 60)))}.</p>`,
  );
  const body = sanitizeRichText(
    seedBody(
      { kind, scope: 'CITY', category: '', unit: unit.code, title, summary: lead, tags },
      unit.name,
    ) + paragraphs.join(''),
  );
  const publishedAt = new Date(anchor - ageOf(i));
  const createdAt = new Date(publishedAt.getTime() - (1 + Math.floor(chance(i, 19) * 47)) * HOUR);
  return {
    _id: new Types.ObjectId(scaleId('article', i)),
    // The number keeps generated slugs apart (the words alone may repeat).
    slug: `${slugify(title, 70)}-${i + 1}`,
    title,
    summary,
    body,
    kind,
    scope: scopeOf(kind, i),
    categoryId: categoryOf(kind, i, categories),
    tags,
    tagKeys: tags.map(tagKey),
    sourceUnit,
    contributorRole: contributorRoleOf({ department: focalPoint ? unit.code : null }),
    coverImageUrl: null,
    author,
    status: 'PUBLISHED',
    // Created, then published (the demo seed's published articles are at version 2 too).
    version: 2,
    publishedAt,
    scheduledAt: null,
    ...tokensOf(title, summary, body, tags),
    createdAt,
    updatedAt: publishedAt,
  };
}

/**
 * The indices of a batch whose articles are not in the database. Runs insert whole batches in
 * index order (an ordered insertMany), so a batch whose last article is there is complete
 * unless someone deleted generated articles: one lookup by id then spares the `$in`, which
 * FerretDB answers by scanning the collection (seconds per batch at 10,000 articles).
 */
async function missingOf(models: ContentModels, indices: number[]): Promise<number[]> {
  const ids = indices.map((i) => new Types.ObjectId(scaleId('article', i)));
  if (await models.articles.exists({ _id: ids.at(-1) })) return [];
  const have = await storedIds(models.articles, ids);
  return indices.filter((_, k) => !have.has(ids[k]!.toHexString()));
}

export interface ScaleSeedResult {
  inserted: { articles: number };
  total: { articles: number };
}

/**
 * Brings the generated articles to `scaleCount('articles', fraction)`, inserting only the
 * missing ones, in batches. Dates count back from `now`, or from where an earlier run put the
 * newest generated article, so a later run continues the same timeline.
 */
export async function seedScale(options: {
  models: ContentModels;
  fraction: number;
  now: Date;
}): Promise<ScaleSeedResult> {
  const { models, fraction } = options;
  const count = scaleCount('articles', fraction);
  const first = await models.articles
    .findById(scaleId('article', 0), { publishedAt: 1 })
    .lean<{ publishedAt: Date | null }>()
    .exec();
  const anchor = first?.publishedAt
    ? first.publishedAt.getTime() + ageOf(0)
    : options.now.getTime();
  const categories = await demoCategories(models);
  let inserted = 0;
  for (let start = 0; start < count; start += BATCH) {
    const indices = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => start + k);
    const missing = await missingOf(models, indices);
    if (missing.length === 0) continue;
    await models.articles.insertMany(
      missing.map((i) => scaleArticle(i, anchor, categories)),
      { ordered: true },
    );
    inserted += missing.length;
  }
  return { inserted: { articles: inserted }, total: { articles: count } };
}
