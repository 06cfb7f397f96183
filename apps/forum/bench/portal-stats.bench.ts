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
import mongoose, { Types } from 'mongoose';
import type { StatGranularity } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import {
  BENCH_EDITOR,
  benchServices,
  benchSizes,
  reportAgainstReference,
  timeInterleaved,
  unpackedFactsDatabase,
} from '@portal/testing/bench';
import { prepareDatabase } from '../src/models';
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
const say = (line: string) => process.stdout.write(`${line}\n`);

const services = await benchServices('forum-portal-stats');
const logger = createLogger({ service: 'forum-stats-bench', level: 'warn', pretty: false });
const dbName = `forum_stats_bench_${Date.now()}`;
const conn = await mongoose.createConnection(services.mongoUri, { dbName }).asPromise();
let closeUnpacked = async () => {};
const redis = createRedisConnection(services.redisUrl, 'producer');

try {
  const models = await prepareDatabase(conn);
  // Threads evenly over the year before `now`; 90 % of the assigned answered by their
  // department after 1 to 400 hours, the rest open; replies spread over the threads.
  const now = Date.now();
  const yearAgo = now - 365 * 24 * HOUR;
  const threads = [];
  const posts = [];
  for (let i = 0; i < THREADS; i++) {
    const _id = new Types.ObjectId();
    const createdAt = new Date(yearAgo + ((now - yearAgo) * i) / THREADS);
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
  const seedStart = performance.now();
  for (let i = 0; i < threads.length; i += 500)
    await models.threads.insertMany(threads.slice(i, i + 500));
  for (let i = 0; i < posts.length; i += 1000)
    await models.posts.insertMany(posts.slice(i, i + 1000));
  say(
    `${threads.length} threads, ${posts.length} posts over a year, inserted in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const stats = new ForumStatsService(
    models,
    forumViewCounter({ conn, redis, keyPrefix: dbName, logger }),
    () => new Date(now),
  );
  const editor = BENCH_EDITOR;
  const from = new Date(now - 365 * 24 * HOUR);
  const to = new Date(now);
  const buildStart = performance.now();
  const built = await syncThreadFacts(models);
  say(`facts built: ${built} threads in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);
  // The peer: the same facts kept one field per thread, as before months were packed.
  const unpacked = await unpackedFactsDatabase({
    mongoUri: services.mongoUri,
    dbName,
    prepare: prepareDatabase,
    store: threadFactsStore,
    from: models,
  });
  closeUnpacked = unpacked.close;
  const unpackedStats = new ForumStatsService(
    unpacked.models,
    forumViewCounter({ conn: unpacked.conn, redis, keyPrefix: `${dbName}_unpacked`, logger }),
    () => new Date(now),
  );
  const granularities: StatGranularity[] = ['MONTH', 'WEEK', 'DAY'];
  const paths = {
    facts: (granularity: StatGranularity) => stats.participation(editor, { from, to, granularity }),
    unpacked: (granularity: StatGranularity) =>
      unpackedStats.participation(editor, { from, to, granularity }),
    records: (granularity: StatGranularity) =>
      stats.participationFromRecords({ from, to, granularity }),
  };
  // Warm-up, then every path and every granularity interleaved in each run.
  const first = await paths.facts('MONTH');
  say(
    `rolling year: ${first.threads} threads, ${first.answered} answered, ${first.departments.length} departments`,
  );
  const times = await timeInterleaved({ runs: RUNS, cases: granularities, paths });
  for (const granularity of granularities) {
    const facts = times('facts', granularity);
    const records = times('records', granularity);
    const g = granularity.toLowerCase();
    reportAgainstReference({
      name: `portalStats forum participation, rolling year by ${g} (p50)`,
      ratioName: `portalStats forum participation by ${g}: every record ÷ month facts (p50, interleaved)`,
      times: facts,
      reference: records,
      referenceLabel: 'records',
      target: 100,
      detail: `${THREADS} threads, ${posts.length} posts`,
      peers: [
        {
          ratioName: `portalStats forum participation by ${g}: facts one field per thread ÷ packed months (p50, interleaved)`,
          times: times('unpacked', granularity),
          label: 'one field per thread',
        },
      ],
    });
  }
} finally {
  await closeUnpacked();
  await conn.dropDatabase().catch(() => {});
  await conn.close();
  redis.disconnect();
  await services.stop();
}
