// Benchmark: the contributions part of portalStats (issue 21: each part under 100 ms p50 over
// a year of data) at the scale of the federation bench (issue 15): 10,000 articles written
// over a rolling year by city reporters and department and district focal points, each
// created, submitted and published (one in five returned to draft once first), with the
// revision log. Calls the service in-process (no HTTP): from the month facts
// (models/contribution-facts.ts) as the daily sync packs them and, interleaved, from a copy of
// them kept one field per step (as before packing) and from the revision log (the path before
// them, the reference), checking all give the same figures. Standalone, on its own FerretDB unless
// MONGODB_URI is set:
//   npx tsx apps/content/bench/contribution-stats.bench.ts [--articles 10000] [--runs 7]
// BENCH_SMOKE=1: 300 articles, two runs.
import { Types } from 'mongoose';
import {
  BENCH_EDITOR,
  benchDatabase,
  benchMonthFacts,
  benchSizes,
  insertTimed,
  rollingYear,
  spreadEvenly,
} from '@portal/testing/bench';
import { CONTRIBUTOR_ROLES } from '../src/domain/contributor-role';
import { contentModels } from '../src/models';
import { contributionFactsStore, syncContributionFacts } from '../src/models/contribution-facts';
import { ContributionStatsService } from '../src/services/contribution-stats.service';

const { articles: ARTICLES, runs: RUNS } = benchSizes({
  articles: { full: 10000, smoke: 300 },
  runs: { full: 7, smoke: 2 },
});
const HOUR = 3_600_000;
const UNITS = ['SO-TTTT', 'SO-KHCN', 'UBND-Q1', 'UBND-Q3', 'UBND-TP-THU-DUC', 'SO-YT'];

const database = await benchDatabase('contribution-stats', 'contribution_stats_bench');

try {
  const models = await contentModels.prepare(database.conn);
  const now = Date.now();
  const year = rollingYear(now);
  const articles = [];
  const revisions = [];
  for (let i = 0; i < ARTICLES; i++) {
    const _id = new Types.ObjectId();
    const createdAt = spreadEvenly(year, i, ARTICLES);
    const author = { id: `writer-${i % 120}`, displayName: `Phóng viên ${i % 120}` };
    const editor = { id: `editor-${i % 9}`, displayName: `Biên tập ${i % 9}` };
    const publishedAt = new Date(createdAt.getTime() + (2 + (i % 30)) * HOUR);
    articles.push({
      _id,
      slug: `bai-viet-${i}`,
      title: `Chuyển đổi số tại thành phố, bài ${i}`,
      body: '<p>Thành phố triển khai các dịch vụ công trực tuyến toàn trình cho người dân.</p>',
      kind: 'NEWS',
      scope: 'CITY',
      author,
      status: 'PUBLISHED',
      version: 4,
      sourceUnit: UNITS[i % UNITS.length],
      contributorRole: CONTRIBUTOR_ROLES[i % CONTRIBUTOR_ROLES.length],
      publishedAt,
      createdAt,
      updatedAt: publishedAt,
    });
    const step = (version: number, action: string, at: Date, by: typeof author, from: string) => ({
      articleId: _id,
      version,
      action,
      at,
      by,
      changes: [{ field: 'status', from, to: action === 'PUBLISHED' ? 'PUBLISHED' : 'IN_REVIEW' }],
    });
    revisions.push({ articleId: _id, version: 1, action: 'CREATED', at: createdAt, by: author });
    const submitted = new Date(createdAt.getTime() + HOUR);
    revisions.push(step(2, 'SUBMITTED', submitted, author, 'DRAFT'));
    if (i % 5 === 0)
      revisions.push({
        ...step(
          3,
          'RETURNED_TO_DRAFT',
          new Date(submitted.getTime() + HOUR / 2),
          editor,
          'IN_REVIEW',
        ),
        changes: [{ field: 'status', from: 'IN_REVIEW', to: 'DRAFT' }],
      });
    revisions.push(step(4, 'PUBLISHED', publishedAt, editor, 'IN_REVIEW'));
  }
  await insertTimed(`${articles.length} articles, ${revisions.length} revisions over a year`, [
    { model: models.articles, docs: articles, batch: 500 },
    { model: models.revisions, docs: revisions, batch: 1000 },
  ]);

  const period = { ...year, granularity: 'MONTH' as const };
  await benchMonthFacts({
    database,
    models,
    prepare: contentModels.prepare,
    store: contributionFactsStore,
    build: syncContributionFacts,
    subject: 'step',
    statistic: 'portalStats contributions',
    cases: ['rolling year'],
    caseName: () => '',
    service: (on) => new ContributionStatsService(on.models),
    facts: (stats) => stats.contributions(BENCH_EDITOR, period),
    records: (stats) => stats.contributionsFromRecords(period),
    reference: { name: 'revision log', label: 'revision log' },
    runs: RUNS,
    detail: `${ARTICLES} articles, ${revisions.length} revisions`,
    describe: (first) => `rolling year: ${JSON.stringify(first).slice(0, 200)}`,
  });
} finally {
  await database.close();
}
