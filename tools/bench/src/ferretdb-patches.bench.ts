// The embedded FerretDB's patches (infra/ferretdb/patches.json) against FerretDB 1.24 as
// released, side by side on the same data: both builds run at once, each query shape the
// code uses is asked of both in turn (interleaved, answers checked equal), and the figure is
// the ratio of their median times (released ÷ patched: how many times faster the patch is).
// Data: forum replies as the scale data has them (BENCH_DOCS, default 50,000; 2,000 in smoke).
// Run: npm run bench -- ferretdb-patches
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, ObjectId, type Collection, type Document } from 'mongodb';
import { freePort, startFerretdb } from '@portal/local-services';
import {
  benchSettings,
  benchText,
  percentile,
  reportBenchmark,
  timeInterleaved,
} from '@portal/testing/bench';

const settings = benchSettings();
const total = Number(settings.get('DOCS')) || (settings.smoke ? 2_000 : 50_000);
const runs = settings.rounds ?? (settings.smoke ? 3 : 30);
const threads = Math.ceil(total / 10);
const say = (line: string) => process.stdout.write(`${line}\n`);

const scratch = mkdtempSync(join(tmpdir(), 'ferretdb-patches-bench-'));
const builds = { patched: true, released: false } as const;
const servers = await Promise.all(
  Object.entries(builds).map(async ([name, patched]) => {
    const ferretdb = await startFerretdb({
      port: await freePort(),
      dir: join(scratch, name),
      patched,
    });
    const client = await new MongoClient(ferretdb.uri).connect();
    return { name, ferretdb, client, posts: client.db('bench').collection('posts') };
  }),
);

try {
  const threadIds = Array.from(
    { length: threads },
    (_, i) => new ObjectId(`1${i.toString(16).padStart(23, '0')}`),
  );
  const ids = Array.from(
    { length: total },
    (_, i) => new ObjectId(`2${i.toString(16).padStart(23, '0')}`),
  );
  const post = (i: number): Document => ({
    _id: ids[i],
    threadId: threadIds[i % threads],
    authorId: `user-${i % 997}`,
    status: i % 20 === 0 ? 'HIDDEN' : 'VISIBLE',
    body: benchText(i, 60),
    // Search words, as the models keep them: a few common, one rare.
    words: [...new Set(benchText(i, 6).split(' ')), `chủ-đề-${i % 500}`],
    votes: i % 37,
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
  });
  // The forum's indexes on its posts (apps/forum/src/models/post.model.ts).
  for (const s of servers)
    await s.posts.createIndexes([
      { key: { threadId: 1, isOfficialAnswer: 1, visibility: 1, createdAt: 1, _id: 1 } },
      { key: { authorId: 1, createdAt: -1 } },
    ]);
  const t0 = performance.now();
  for (let from = 0; from < total; from += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, total - from) }, (_, k) => post(from + k));
    await Promise.all(servers.map((s) => s.posts.insertMany(batch)));
  }
  say(
    `${total} posts in ${threads} threads on both builds in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );

  // The n-th question of a shape asks about other documents, spread over the collection.
  const some = (n: number, count: number) =>
    Array.from({ length: count }, (_, k) => ids[(n * 7_919 + k * 1_009) % total]!);
  const shapes = {
    // DataLoader batches of entity references (findByIds).
    'by _id list (20)': (n: number) => ({ _id: { $in: some(n, 20) } }),
    'by _id list (100)': (n: number) => ({ _id: { $in: some(n, 100) } }),
    'by _id list and status': (n: number) => ({ _id: { $in: some(n, 20) }, status: 'VISIBLE' }),
    'by _id and status': (n: number) => ({ _id: ids[(n * 7_919) % total], status: 'VISIBLE' }),
    'by _id alone': (n: number) => ({ _id: ids[(n * 7_919) % total] }),
    // A thread's replies: an identifier, through the thread's index.
    'by an id field': (n: number) => ({ threadId: threadIds[n % threads] }),
    'by an id field and status': (n: number) => ({
      threadId: threadIds[n % threads],
      status: 'VISIBLE',
    }),
    // A search: every word ($all), looked for in each document's word list.
    'by words ($all)': (n: number) => ({
      status: 'VISIBLE',
      words: { $all: [`chủ-đề-${n % 500}`, benchText(n, 1)] },
    }),
    // An author's posts: a string, pushed down as a superset condition SQLite scans for.
    'by a string field': (n: number) => ({ authorId: `user-${n % 997}` }),
  } satisfies Record<string, (n: number) => Document>;
  type Shape = keyof typeof shapes;
  const cases = Object.keys(shapes) as Shape[];

  // Both builds are asked the same questions in the same order, so their n-th filters agree.
  const ask = (posts: Collection) => {
    let n = 0;
    return async (shape: Shape) => {
      const docs = await posts.find(shapes[shape](n++), { projection: { body: 0 } }).toArray();
      return docs.map((d) => String(d._id)).sort();
    };
  };
  const times = await timeInterleaved({
    runs,
    cases,
    paths: Object.fromEntries(servers.map((s) => [s.name, ask(s.posts)])),
  });

  say(`\n| query | patched p50 | released p50 | released ÷ patched |\n|---|---|---|---|`);
  for (const c of cases) {
    const p = percentile(times('patched', c), 50);
    const r = percentile(times('released', c), 50);
    say(`| ${c} | ${p.toFixed(1)} ms | ${r.toFixed(1)} ms | ${(r / p).toFixed(1)}× |`);
    reportBenchmark({
      name: `ferretdb patches: ${c}, released ÷ patched`,
      value: Number((r / p).toFixed(2)),
      unit: '×',
      better: 'higher',
      detail: `p50 ${p.toFixed(1)} ms patched, ${r.toFixed(1)} ms released, ${total} docs, ${runs} runs`,
    });
  }
} finally {
  for (const s of servers) {
    await s.client.close();
    await s.ferretdb.process.stop();
  }
  rmSync(scratch, { recursive: true, force: true });
}
