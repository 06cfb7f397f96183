// Benchmark: the forum's participation part of portalStats (issue 21: each part under 100 ms
// p50 over a year of data) at the scale of the federation bench (issue 15): 5,000 threads
// over a rolling year, 50,000 replies; six in seven threads assigned, nine in ten of those
// answered. Calls the service in-process (no HTTP), by month, week and day: from the month
// facts (thread-facts.ts) as the daily sync packs them and, interleaved, from a copy of them
// kept one field per thread (as before packing) and from every record (the path before them,
// kept as the reference), checking all give the same figures. Standalone, on its own FerretDB and
// Redis unless MONGODB_URI / REDIS_URL are set:
//   npx tsx apps/forum/bench/portal-stats.bench.ts [--threads 5000] [--replies 50000] [--runs 7]
// BENCH_SMOKE=1: 200 threads and 2,000 replies, two runs.
import { Types } from 'mongoose';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import {
  BENCH_EDITOR,
  BY_GRANULARITY,
  benchDatabase,
  benchMonthFacts,
  benchSizes,
  insertTimed,
  rollingYear,
  spreadEvenly,
} from '@portal/testing/bench';
import { forumModels } from '../src/models';
import { ForumStatsService, forumViewCounter } from '../src/stats/forum-stats.service';
import { syncThreadFacts, threadFactsStore } from '../src/stats/thread-facts';

const {
  threads: THREADS,
  replies: REPLIES,
  runs: RUNS,
} = benchSizes({
  threads: { full: 5000, smoke: 200 },
  replies: { full: 50000, smoke: 2000 },
  runs: { full: 7, smoke: 2 },
});
const HOUR = 3_600_000;
const KINDS = ['PROPOSAL', 'QUESTION', 'FEEDBACK', 'DISCUSSION'] as const;
const DEPARTMENTS = ['SO-TTTT', 'SO-KHCN', 'SO-YT', 'SO-GDDT', 'SO-GTVT', 'SO-TNMT'];

const database = await benchDatabase('forum-portal-stats', 'forum_stats_bench');
const logger = createLogger({ service: 'forum-stats-bench', level: 'warn', pretty: false });
const redis = createRedisConnection(database.services.redisUrl, 'producer');

try {
  const models = await forumModels.prepare(database.conn);
  // Threads evenly over the year before `now`; 90 % of the assigned answered by their
  // department after 1 to 400 hours, the rest open; replies spread over the threads.
  const now = Date.now();
  const year = rollingYear(now);
  const threads = [];
  const posts = [];
  for (let i = 0; i < THREADS; i++) {
    const _id = new Types.ObjectId();
    const createdAt = spreadEvenly(year, i, THREADS);
    const department = i % 7 === 6 ? null : DEPARTMENTS[i % DEPARTMENTS.length]!;
    const answered = department !== null && i % 10 < 9;
    threads.push({
      _id,
      title: `Đề xuất số ${i} về chuyển đổi số`,
      body: '<p>Kính gửi Sở, người dân đề nghị mở rộng dịch vụ công trực tuyến toàn trình.</p>',
      kind: KINDS[i % KINDS.length],
      authorId: `dan-${i % 997}`,
      workflowStatus: answered ? 'ANSWERED' : 'OPEN',
      visibility: 'VISIBLE',
      assignedDepartment: department,
      createdAt,
      lastActivityAt: createdAt,
    });
    if (answered)
      posts.push({
        threadId: _id,
        authorId: `officer-${department}`,
        body: '<p>Sở đã tiếp nhận và trả lời như sau.</p>',
        isOfficialAnswer: true,
        department,
        visibility: 'VISIBLE',
        createdAt: new Date(createdAt.getTime() + (1 + (i % 400)) * HOUR),
      });
  }
  for (let i = 0; i < REPLIES; i++) {
    const thread = threads[i % threads.length]!;
    posts.push({
      threadId: thread._id,
      authorId: `dan-${i % 1999}`,
      body: '<p>Tôi đồng ý với đề xuất này.</p>',
      isOfficialAnswer: false,
      department: null,
      visibility: 'VISIBLE',
      createdAt: new Date(thread.createdAt.getTime() + (1 + (i % 48)) * HOUR),
    });
  }
  await insertTimed(`${threads.length} threads, ${posts.length} posts over a year`, [
    { model: models.threads, docs: threads, batch: 500 },
    { model: models.posts, docs: posts, batch: 1000 },
  ]);

  await benchMonthFacts({
    database,
    models,
    prepare: forumModels.prepare,
    store: threadFactsStore,
    build: syncThreadFacts,
    subject: 'thread',
    statistic: 'portalStats forum participation',
    ...BY_GRANULARITY,
    service: ({ models, conn, keyPrefix }) =>
      new ForumStatsService(
        models,
        forumViewCounter({ conn, redis, keyPrefix, logger }),
        () => new Date(now),
      ),
    facts: (stats, granularity) => stats.participation(BENCH_EDITOR, { ...year, granularity }),
    records: (stats, granularity) => stats.participationFromRecords({ ...year, granularity }),
    reference: { name: 'every record', label: 'records' },
    runs: RUNS,
    detail: `${THREADS} threads, ${posts.length} posts`,
    describe: (first: { threads: number; answered: number; departments: unknown[] }) =>
      `rolling year: ${first.threads} threads, ${first.answered} answered, ${first.departments.length} departments`,
  });
} finally {
  redis.disconnect();
  await database.close();
}
