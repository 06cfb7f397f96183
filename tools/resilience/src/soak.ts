// `npm run soak`: the whole stack under a mixed load at twice the expected peak through the
// gateway for SOAK_MINUTES (10), then the figures docs/reliability.md records: HTTP failures,
// GraphQL errors inside 200 answers, p95 of reads, memory growth of every process over the
// second half, and the queue backlog once the load stops. Writes tmp/resilience/soak.json.
//
// Reads (public pages, searches) go through autocannon at a fixed rate; the writes and the
// rest (views, forum posts and votes, feedback, subscriptions, uploads, staff edits) through
// the open-loop generator in load.ts. PORT_OFFSET: RESILIENCE_PORT_OFFSET or a free one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAMES } from '@portal/queue';
import { workspaceRoot } from '@portal/local-services';
import { runAutocannon } from './autocannon';
import { SteadyLoad, percentile, summarize, type LoadOperation } from './load';
import { demoArticleId, operation, personToken, post } from './operations';
import { CountingMailSink } from './receivers';
import { stackOffset } from './settings';
import { Stack } from './stack';

/** Expected peak at the gateway, requests per second (docs/reliability.md shows the arithmetic). */
const EXPECTED_PEAK_RPS = 10;
const RATE = Number(process.env.SOAK_RATE ?? 2 * EXPECTED_PEAK_RPS);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
/** Share of the traffic that is anonymous reads of public pages and searches. */
const READ_SHARE = 0.7;
const log = (line: string) => process.stdout.write(`[soak] ${line}\n`);

const PUBLIC_READS: { name: string; variables?: Record<string, unknown> }[] = [
  { name: 'HomePage' },
  { name: 'HomePage' },
  { name: 'SearchArticles', variables: { q: 'chuyen doi so' } },
  { name: 'SearchArticles', variables: { q: 'dữ liệu mở' } },
  { name: 'LibraryBrowse', variables: {} },
  { name: 'ForumThreads', variables: {} },
  { name: 'LatestBulletin' },
  { name: 'HotlineCategories' },
];

async function main(): Promise<void> {
  const mail = await new CountingMailSink().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-soak-'));
  const stack = new Stack({
    offset: await stackOffset(),
    dataDir,
    smtpUrl: mail.url,
    log,
    env: {
      // All of the load comes from one address and a handful of people.
      RATE_LIMIT_ANONYMOUS: '1000000',
      RATE_LIMIT_PERSON: '1000000',
      FEEDBACK_PER_HOUR: '1000000',
      TRACKING_LOOKUPS_PER_MINUTE: '1000000',
      LIBRARY_UPLOADS_PER_HOUR: '1000000',
      // Ten people open threads and reply all along, at a rate thousands would share (5
      // threads per 15 minutes and 6 replies a minute each by default).
      FORUM_LIMIT_THREADS: '1000000/900',
      FORUM_LIMIT_REPLIES: '1000000/60',
      // Every subscription comes from the one address (10 an hour by default); each e-mail
      // address is new, so its own limit is not met.
      BULLETIN_SUBSCRIBES_PER_CLIENT_PER_HOUR: '1000000',
    },
  });
  try {
    await stack.start();
    await soak(stack);
  } finally {
    await stack.stop();
    await mail.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function soak(stack: Stack): Promise<void> {
  const citizens = await Promise.all(
    Array.from({ length: 10 }, () => personToken(stack.keysDir, 'citizen')),
  );
  const editor = await personToken(stack.keysDir, 'editor');
  // The first answers of a cold stack on a busy machine may time out. (Not @portal/testing's
  // waitUntil: it loads vitest.)
  let articleId = '';
  for (const deadline = Date.now() + 180_000; !articleId;) {
    articleId = await demoArticleId(stack.graphUrl).catch((err: Error) => {
      if (Date.now() > deadline) throw err;
      return new Promise<string>((r) => setTimeout(() => r(''), 1000));
    });
  }
  const threads = await post(stack.graphUrl, operation('ForumThreads'), {});
  const threadIds = (threads.data?.threads?.nodes ?? []).map((t: { id: string }) => t.id);
  if (!threadIds.length) throw new Error('no demo threads');
  const draft = await post(
    stack.graphUrl,
    operation('CreateArticle'),
    { input: { title: 'Bài viết thử tải', body: 'Nội dung thử tải.', kind: 'NEWS' } },
    { bearer: editor },
  );
  const edited = {
    id: draft.data?.createArticle?.id as string,
    version: draft.data?.createArticle?.version as number,
  };
  if (!edited.id) throw new Error(`the editor cannot create an article: ${draft.body}`);

  let n = 0;
  const citizen = () => citizens[n++ % citizens.length]!;
  const writes: LoadOperation[] = [
    {
      name: 'view',
      kind: 'write',
      weight: 6,
      run: (signal) =>
        post(
          stack.graphUrl,
          operation('RecordArticleView'),
          { id: articleId, device: 'MOBILE' },
          { signal },
        ),
    },
    {
      name: 'person-read',
      kind: 'read',
      weight: 4,
      run: (signal) =>
        post(
          stack.graphUrl,
          operation('ForumThread'),
          { id: threadIds[n++ % threadIds.length] },
          {
            bearer: citizen(),
            signal,
          },
        ),
    },
    {
      name: 'thread',
      kind: 'write',
      weight: 1,
      run: (signal) =>
        post(
          stack.graphUrl,
          operation('CreateThread'),
          {
            input: {
              title: `Hiến kế thử tải ${n++}`,
              body: 'Đề xuất số hóa thủ tục.',
              kind: 'PROPOSAL',
            },
          },
          { bearer: citizen(), signal },
        ),
    },
    {
      name: 'reply',
      kind: 'write',
      weight: 2,
      run: (signal) =>
        post(
          stack.graphUrl,
          operation('ReplyToThread'),
          { threadId: threadIds[n++ % threadIds.length], body: `Ý kiến thử tải ${n}` },
          { bearer: citizen(), signal },
        ),
    },
    {
      name: 'vote',
      kind: 'write',
      weight: 2,
      run: async (signal) => {
        // A fresh person each time: one vote per person and thread.
        const voter = await personToken(stack.keysDir, 'citizen');
        return post(
          stack.graphUrl,
          operation('VoteThread'),
          { id: threadIds[n++ % threadIds.length] },
          {
            bearer: voter,
            signal,
          },
        );
      },
    },
    {
      name: 'feedback',
      kind: 'write',
      weight: 1,
      run: (signal) =>
        post(
          stack.graphUrl,
          operation('SubmitFeedback'),
          {
            input: {
              subject: `Phản ánh thử tải ${n++}`,
              body: 'Đường ngập nước sau mưa.',
              contactEmail: `soak.${n}@example.vn`,
              categoryCode: 'DIEN',
            },
          },
          { signal },
        ),
    },
    {
      name: 'subscribe',
      kind: 'write',
      weight: 1,
      run: (signal) =>
        post(
          stack.graphUrl,
          operation('SubscribeBulletin'),
          { email: `ban.tin.${n++}@example.vn` },
          { signal },
        ),
    },
    {
      name: 'upload',
      kind: 'write',
      weight: 1,
      run: async (signal) => {
        const form = new FormData();
        const pdf = `%PDF-1.4\n% thử tải ${n++} ${Date.now()}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`;
        form.append('file', new Blob([pdf], { type: 'application/pdf' }), `tai-lieu-${n}.pdf`);
        const res = await fetch(`${stack.graphUrl.replace(/\/graphql$/, '')}/uploads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${editor}` },
          body: form,
          signal,
        });
        const body = await res.text();
        return {
          status: res.status === 201 || res.status === 200 ? 200 : res.status,
          errors: res.ok ? [] : [body.slice(0, 80)],
          body,
        };
      },
    },
    {
      name: 'staff-edit',
      kind: 'write',
      weight: 1,
      run: async (signal) => {
        const out = await post(
          stack.graphUrl,
          operation('UpdateArticle'),
          { id: edited.id, input: { summary: `Tóm tắt ${n++}` }, expectedVersion: edited.version },
          { bearer: editor, signal },
        );
        const version = out.data?.updateArticle?.version as number | undefined;
        if (version) edited.version = version;
        // A stale version (two edits crossing) is the expected CONFLICT, not a failure.
        return { ...out, errors: out.errors.filter((c) => c !== 'CONFLICT') };
      },
    },
  ];

  const otherRate = RATE * (1 - READ_SHARE);
  const readRate = RATE * READ_SHARE;
  const durationMs = MINUTES * 60_000;
  log(
    `${MINUTES} min at ${RATE} req/s: ${readRate} public reads/s (autocannon), ${otherRate}/s mixed`,
  );

  // Memory of every process, every 10 s.
  const memory: { at: number; rss: Record<string, number> }[] = [];
  const names = stack.apps.map((a) => a.name);
  const sampleMemory = () => {
    const rss: Record<string, number> = {};
    for (const name of names) {
      try {
        const status = readFileSync(`/proc/${stack.pid(name)}/status`, 'utf8');
        rss[name] = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      } catch {
        rss[name] = 0;
      }
    }
    memory.push({ at: Date.now(), rss });
  };
  sampleMemory();
  const memoryTimer = setInterval(sampleMemory, 10_000);

  const readLatencies: number[] = [];
  let readErrors = 0;
  let readFailures = 0;
  let readCount = 0;
  const started = Date.now();
  const mixed = new SteadyLoad({
    ratePerSecond: otherRate,
    operations: writes,
    keepBodies: false,
  }).start();
  const reads = await runAutocannon({
    url: stack.graphUrl,
    connections: 8,
    overallRate: readRate,
    duration: durationMs / 1000,
    timeout: 10,
    requests: PUBLIC_READS.map((r) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation(r.name), variables: r.variables ?? {} }),
      setupRequest: (req, context) => {
        context.sentAt = performance.now();
        return req;
      },
      onResponse: (status, body, context) => {
        readCount += 1;
        readLatencies.push(performance.now() - (context.sentAt as number));
        if (status !== 200) readFailures += 1;
        else if (body.includes('"errors"')) readErrors += 1;
      },
    })),
  });
  await mixed.stop();
  const loadEndedAt = Date.now();
  clearInterval(memoryTimer);
  sampleMemory();

  // The queues once the load stops: what is left, then after a minute to drain.
  const redis = new Redis(stack.redisUrl);
  const backlog = async () => {
    const out: Record<string, number> = {};
    for (const name of QUEUE_NAMES) {
      const q = new Queue(name, { connection: redis, prefix: stack.queuePrefix });
      const c = await q.getJobCounts('waiting', 'active', 'prioritized');
      const left = (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0);
      if (left) out[name] = left;
      await q.close();
    }
    return out;
  };
  const atStop = await backlog();
  let afterDrain = atStop;
  const drainDeadline = Date.now() + 60_000;
  while (Object.keys(afterDrain).length && Date.now() < drainDeadline) {
    await new Promise((r) => setTimeout(r, 2000));
    afterDrain = await backlog();
  }
  const drainedMs = Date.now() - loadEndedAt;
  redis.disconnect();

  // Memory growth over the second half: the mean of the last minute against that of the minute at half time.
  const mid = started + durationMs / 2;
  const mean = (from: number, to: number, name: string) => {
    const s = memory.filter((m) => m.at >= from && m.at < to).map((m) => m.rss[name]!);
    return s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  };
  const growth: Record<string, { midMiB: number; endMiB: number; growthPct: number }> = {};
  for (const name of names) {
    const a = mean(mid - 30_000, mid + 30_000, name);
    const b = mean(loadEndedAt - 60_000, loadEndedAt + 1, name);
    growth[name] = {
      midMiB: Math.round(a / 1048576),
      endMiB: Math.round(b / 1048576),
      growthPct: Math.round(((b - a) / a) * 1000) / 10,
    };
  }

  const mixedSummary = summarize(mixed.samples);
  const allRequests = readCount + reads.errors + mixedSummary.requests;
  // autocannon reports requests that got no answer (timeouts, resets) only in its totals.
  const httpFailures =
    readFailures + reads.errors + mixedSummary.httpFailures + mixedSummary.rateLimited;
  const graphqlErrors = readErrors + mixedSummary.graphqlErrors;
  const byOp: Record<
    string,
    { n: number; failed: number; errors: number; codes: Record<string, number>; p95Ms: number }
  > = {};
  for (const s of mixed.samples) {
    const e = (byOp[s.op] ??= { n: 0, failed: 0, errors: 0, codes: {}, p95Ms: 0 });
    e.n += 1;
    if (s.status !== 200) e.failed += 1;
    else if (s.errors.length) e.errors += 1;
    for (const code of s.errors) e.codes[code] = (e.codes[code] ?? 0) + 1;
  }
  for (const op of Object.keys(byOp))
    byOp[op]!.p95Ms = Math.round(
      percentile(
        mixed.samples.filter((s) => s.op === op).map((s) => s.ms),
        95,
      ),
    );
  const figures = {
    minutes: MINUTES,
    targetRatePerSecond: RATE,
    achievedRatePerSecond: Math.round((allRequests / ((loadEndedAt - started) / 1000)) * 10) / 10,
    requests: allRequests,
    httpFailures,
    httpFailurePct: Math.round((httpFailures / allRequests) * 10000) / 100,
    graphqlErrorResponses: graphqlErrors,
    graphqlErrorPct: Math.round((graphqlErrors / allRequests) * 10000) / 100,
    publicReads: {
      n: readCount,
      p50Ms: Math.round(percentile(readLatencies, 50)),
      p95Ms: Math.round(percentile(readLatencies, 95)),
      autocannonP97_5Ms: reads.latency.p97_5,
      autocannonP99Ms: reads.latency.p99,
      non2xx: reads.non2xx,
      errors: reads.errors,
      timeouts: reads.timeouts,
    },
    personReadsP95Ms: Math.round(
      percentile(
        mixed.samples.filter((s) => s.kind === 'read' && s.status === 200).map((s) => s.ms),
        95,
      ),
    ),
    skippedByGenerator: mixed.skipped,
    byOperation: byOp,
    memorySecondHalf: growth,
    backlogAtStop: atStop,
    backlogAfterDrain: afterDrain,
    drainedWithinMs: drainedMs,
  };
  const dir = join(workspaceRoot(), 'tmp', 'resilience');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'soak.json'), JSON.stringify(figures, null, 2));
  writeFileSync(join(dir, 'soak-memory.json'), JSON.stringify(memory));
  log(JSON.stringify(figures, null, 2));
  const verdicts = [
    ['HTTP failures < 1 %', figures.httpFailurePct < 1],
    ['GraphQL error responses < 1 %', figures.graphqlErrorPct < 1],
    ['p95 of reads < 500 ms', figures.publicReads.p95Ms < 500 && figures.personReadsP95Ms < 500],
    [
      'no process grows > 10 % over the second half',
      Object.values(growth).every((g) => g.growthPct <= 10),
    ],
    ['no queue backlog after the load', Object.keys(afterDrain).length === 0],
  ] as const;
  for (const [what, pass] of verdicts) log(`${pass ? 'PASS' : 'FAIL'} ${what}`);
  process.exitCode = verdicts.every(([, pass]) => pass) ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
