// The bulletin part of the benchmarks' scale data (SCALE_DATA in @portal/testing/bench): 24
// published monthly issues, newest first, whose items point at content's generated articles,
// shaped as the demo seed's issues (src/seed/demo-issues.ts). Deterministic and incremental:
// the i-th issue always has the id `scaleId('bulletinIssue', i)` and the same content, and a run
// inserts only what is missing.
import { Types } from 'mongoose';
import { SCALE_DATA, scaleCount, scaleId, storedIds } from '@portal/testing/bench';
import type { ContentArticles, PublishedArticle } from '../src/content/content-articles';
import { groupIntoSections, sectionKey } from '../src/domain/issue-sections';
import { publishedContents, readAloudRecord } from '../src/domain/read-aloud-text';
import type { BulletinIssueRecord, BulletinItemRecord, BulletinModels } from '../src/models';
import { DEMO_NOTE, DEMO_SECTIONS, demoEditorial } from '../src/seed/demo-issues';

/** A month as one number: year × 12 + (month − 1). */
function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

/**
 * The demo seed's twelve issues take the twelve months before the current one: the newest
 * generated issue is the month before those, and the others go back a month each.
 */
const MONTHS_BEFORE_NOW = 13;

/**
 * Issue numbers are unique: a generated issue's is its month counted from January 2020, so
 * numbers grow with the date and stay clear of the demo's (1 to 12) and of the numbers
 * editors take next (after the highest).
 */
const FIRST_NUMBERED_MONTH = monthIndex(2020, 1) - 1;

/** A generated issue before publishing (which adds its read-aloud text and highlights), and its items. */
export interface IssuePlan {
  index: number;
  issue: Omit<BulletinIssueRecord, 'readAloud' | 'publication'>;
  items: BulletinItemRecord[];
}

/**
 * The articles issue `i` may point at: generated articles that content holds whenever the
 * bulletin holds issue `i` at the same fraction (issue i exists from a fraction of
 * (i + ½) / 24, where content has 10,000 × (i + ½) / 24 articles; issue 0 needs about 2 % of
 * the scale data).
 */
export function articlePoolOf(i: number): number {
  return Math.floor((SCALE_DATA.articles * (2 * i + 1)) / (2 * SCALE_DATA.bulletinIssues)) - 1;
}

/**
 * The i-th generated issue, `anchorMonth - i`: the demo's three sections with 5 to 10 items
 * (some issues fuller than others), the articles older for older issues.
 */
export function planIssue(i: number, anchorMonth: number): IssuePlan {
  const m = anchorMonth - i;
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  // Published at 08:00 Ho Chi Minh City time on the 5th, as the demo's.
  const publishedAt = new Date(Date.UTC(year, month - 1, 5, 1, 0, 0));
  const sizes = [2 + (i % 3), 2 + ((i + 1) % 4), 1 + (i % 2)];
  const total = sizes.reduce((a, b) => a + b, 0);
  const pool = articlePoolOf(i);
  const items: BulletinItemRecord[] = [];
  let k = 0;
  for (const [s, size] of sizes.entries()) {
    const section = DEMO_SECTIONS[s]!;
    for (let position = 1; position <= size; position++, k++) {
      const createdAt = new Date(publishedAt.getTime() - (total - k) * 60_000);
      items.push({
        // An ObjectId of its creation time, as an item an editor adds gets: sections are read
        // in the order of their first item's id.
        _id: new Types.ObjectId(
          Math.floor(createdAt.getTime() / 1000)
            .toString(16)
            .padStart(8, '0') + scaleId('bulletinItem', i * 100 + k).slice(0, 16),
        ),
        issueId: new Types.ObjectId(scaleId('bulletinIssue', i)),
        sectionKey: sectionKey(section),
        sectionTitle: section,
        position,
        articleId: scaleId('article', pool - 1 - k * 17 - ((i * 7) % 13)),
        note: k === 0 ? DEMO_NOTE : null,
        droppedAt: null,
        createdBy: 'scale-seed',
        createdAt,
      });
    }
  }
  return {
    index: i,
    issue: {
      _id: new Types.ObjectId(scaleId('bulletinIssue', i)),
      number: m - FIRST_NUMBERED_MONTH,
      year,
      month,
      title: `Bản tin Chuyển đổi số TP.HCM — Tháng ${month}/${year}`,
      editorial: demoEditorial(i),
      status: 'PUBLISHED',
      scheduledAt: publishedAt,
      publishedAt,
      version: 1,
      createdBy: 'scale-seed',
      createdAt: publishedAt,
      updatedAt: publishedAt,
    },
    items,
  };
}

/**
 * What publishing leaves on an issue (see the bulletin-publish processor): the read-aloud
 * text and the highlights, from the articles as content shows them; no audio (the demo
 * renders only its newest issue's), and marked announced so nobody is mailed.
 */
function published(plan: IssuePlan, articles: Map<string, PublishedArticle>): BulletinIssueRecord {
  const { issue } = plan;
  const { text, highlights } = publishedContents(issue, groupIntoSections(plan.items), articles);
  return {
    ...issue,
    readAloud: readAloudRecord(text),
    publication: {
      audioDoneAt: issue.publishedAt,
      notifiedAt: issue.publishedAt,
      droppedItems: 0,
      highlights,
    },
  };
}

export interface ScaleSeedResult {
  inserted: { bulletinIssues: number; bulletinItems: number };
  total: { bulletinIssues: number; bulletinItems: number };
  /** Generated issues left out because their month or number was taken by another issue. */
  skipped: { bulletinIssues: number };
}

/**
 * Brings the generated issues to `scaleCount('bulletinIssues', fraction)`, with their items,
 * inserting only what is missing. The newest is the month before the demo's twelve (13 months
 * before `now`), or where an earlier run put the generated ones, so a later run continues the
 * same months. The issues' read-aloud text and highlights are built from the articles as
 * `content` (the content subgraph) shows them, as publishing does: content must hold its scale
 * data at this fraction or more, or this throws before writing anything.
 */
export async function seedScale(options: {
  models: BulletinModels;
  content: Pick<ContentArticles, 'findPublished'>;
  fraction: number;
  now: Date;
}): Promise<ScaleSeedResult> {
  const { issues, items } = options.models;
  const count = scaleCount('bulletinIssues', options.fraction);
  // Every generated issue of the full scale data (24 ids): any that exists fixes the months.
  const allIds = Array.from({ length: SCALE_DATA.bulletinIssues }, (_, i) =>
    scaleId('bulletinIssue', i),
  );
  const known = await issues
    .find({ _id: { $in: allIds } }, { year: 1, month: 1 })
    .lean<{ _id: Types.ObjectId; year: number; month: number }[]>()
    .exec();
  const anchorMonth = known.length
    ? monthIndex(known[0]!.year, known[0]!.month) + allIds.indexOf(known[0]!._id.toHexString())
    : monthIndex(options.now.getUTCFullYear(), options.now.getUTCMonth() + 1) - MONTHS_BEFORE_NOW;
  const have = new Set(known.map((d) => d._id.toHexString()));
  const plans = Array.from({ length: count }, (_, i) => planIssue(i, anchorMonth));

  // A month or number already taken by another issue (an editor's, or the demo's seeded in an
  // earlier month) keeps its issue: the generated one is left out.
  const missing = plans.filter((p) => !have.has(p.issue._id.toHexString()));
  const taken = missing.length
    ? await issues
        .find(
          {
            $or: [
              { number: { $in: missing.map((p) => p.issue.number) } },
              ...missing.map((p) => ({ year: p.issue.year, month: p.issue.month })),
            ],
          },
          { year: 1, month: 1, number: 1 },
        )
        .lean<{ year: number; month: number; number: number }[]>()
        .exec()
    : [];
  const clashes = (p: IssuePlan) =>
    taken.some(
      (t) => t.number === p.issue.number || (t.year === p.issue.year && t.month === p.issue.month),
    );
  const toInsert = missing.filter((p) => !clashes(p));
  const kept = plans.filter((p) => have.has(p.issue._id.toHexString()) || !clashes(p));

  // The articles, as readers see them, before anything is written.
  const wanted = toInsert.flatMap((p) => p.items.map((item) => item.articleId));
  const articles = wanted.length
    ? await options.content.findPublished(wanted).catch((err: Error) => {
        throw new Error(
          `the bulletin's scale data takes its articles from the content subgraph, which did not answer: ${err.message}`,
          { cause: err },
        );
      })
    : new Map<string, PublishedArticle>();
  const absent = [...new Set(wanted)].filter((id) => !articles.has(id));
  if (absent.length)
    throw new Error(
      `${absent.length} of the articles the bulletin's scale data points at are not published in content (e.g. ${absent[0]}): seed content's scale data at fraction ${options.fraction} or more first`,
    );

  // Items first (at most 10 an issue, 240 in all: one batch), so an issue never shows without them.
  const allItems = kept.flatMap((p) => p.items);
  const haveItems = await storedIds(
    items,
    allItems.map((item) => item._id),
  );
  const newItems = allItems.filter((item) => !haveItems.has(item._id.toHexString()));
  if (newItems.length) await items.insertMany(newItems, { ordered: true });
  if (toInsert.length)
    await issues.insertMany(
      toInsert.map((p) => published(p, articles)),
      { ordered: true },
    );
  return {
    inserted: { bulletinIssues: toInsert.length, bulletinItems: newItems.length },
    total: { bulletinIssues: kept.length, bulletinItems: allItems.length },
    skipped: { bulletinIssues: plans.length - kept.length },
  };
}
