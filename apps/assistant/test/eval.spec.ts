// The evaluation set (eval/questions.json) over the demo data: the content, library and forum
// subgraphs run as real processes with their demo seeds, the catalog comes from the open-data
// simulator, and the index is built through the same APIs the worker uses. Measures
// retrieval recall@5 and MRR and the share of extractive answers citing an expected source.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@portal/auth';
import { freePort, waitForHttp } from '@portal/local-services';
import {
  spawnApp,
  testServices,
  timeoutForProcesses,
  uniqueName,
  useTestDatabase,
  TEST_INTERNAL_SECRET,
  type SpawnedApp,
} from '@portal/testing';
import { createPortalSources } from '../src/retrieval/portal-sources';
import { queryTerms, queryWords } from '../src/retrieval/terms';
import { createAssistantCore, type AssistantCore } from '../src/services';
import { IndexService } from '../src/services/index.service';
import { WEB_BASE_URL, logger, useCatalog, useOpenDataPortal } from './support/harness';

interface EvalSet {
  questions: { question: string; expected: string[]; count?: number }[];
  unanswerable: string[];
}
const set = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'eval', 'questions.json'), 'utf8'),
) as EvalSet;

const portal = useOpenDataPortal();
const db = useTestDatabase('asst_eval');
const catalog = useCatalog('asst_eval', portal, db);
const owners = ['content', 'library', 'forum'] as const;
const ownerDbs = Object.fromEntries(owners.map((o) => [o, useTestDatabase(`asst_eval_${o}`)]));
const running: SpawnedApp[] = [];
let core: AssistantCore;

beforeAll(
  async () => {
    const { mongoUri, redisUrl } = testServices();
    const urls: Record<string, string> = {};
    const dataDir = mkdtempSync(join(tmpdir(), 'asst-eval-'));
    // One at a time: a busy machine starts them sooner in turn than all at once.
    for (const app of owners) {
      {
        const env = {
          MONGODB_URI: mongoUri,
          MONGODB_DB: ownerDbs[app]!.dbName,
          REDIS_URL: redisUrl,
          QUEUE_PREFIX: uniqueName(`eval_${app}`),
          INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
          WEB_BASE_URL,
          DATA_DIR: dataDir,
          HOST: '127.0.0.1',
        };
        const seed = await spawnApp(app, 'seed', env);
        expect(await seed.process.exited, `${app} seed`).toBe(0);
        const port = await freePort();
        urls[app] = `http://127.0.0.1:${port}`;
        const main = await spawnApp(app, 'main', { ...env, PORT: String(port) });
        running.push(main);
        await waitForHttp(`${urls[app]}/healthz`, {
          timeoutMs: 300_000,
          isAlive: () => main.process.running,
        });
      }
    }
    await catalog.sync.run();
    catalog.changedResources.splice(0);
    for (const r of await catalog.models.Resource.find({ removedAt: null }).lean())
      catalog.changedResources.push({ id: r._id, fingerprint: r.fingerprint });
    await catalog.previewAll();
    core = createAssistantCore({
      conn: catalog.conn,
      webBaseUrl: WEB_BASE_URL,
      portalUrl: portal.url,
      logger,
    });
    const index = new IndexService({
      models: core.models,
      index: core.index,
      sources: createPortalSources({
        contentUrl: urls.content!,
        libraryUrl: urls.library!,
        forumUrl: urls.forum!,
        internalTokenSecret: TEST_INTERNAL_SECRET,
        webBaseUrl: WEB_BASE_URL,
      }),
      portalUrl: portal.url,
      logger,
    });
    await index.rebuild().catch((err: Error) => {
      // Which subgraph went away, and what it said last.
      throw new Error(`${err.message}\n${running.map((r) => r.process.describe()).join('\n')}`);
    });
  },
  timeoutForProcesses(6, 600_000),
);

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
});

const matches = (expected: readonly string[], id: string, title: string) =>
  expected.some((e) => e === id || title === e || title.endsWith(`(${e})`));

describe('the evaluation set', () => {
  it('has at least 50 Vietnamese questions with expected sources', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(50);
    for (const q of set.questions) expect(q.expected.length).toBeGreaterThan(0);
  });

  it(
    'meets recall@5 ≥ 0.9 and correct citations ≥ 0.95 (extractive)',
    { timeout: 300_000 },
    async () => {
      let hits = 0;
      let reciprocal = 0;
      let correct = 0;
      const misses: string[] = [];
      for (const q of set.questions) {
        const ranked = await core.index.search(queryTerms(q.question), queryWords(q.question), {
          limit: 20,
        });
        // Ranks of distinct sources (a source's several passages count once).
        const sources: { id: string; title: string }[] = [];
        for (const r of ranked) {
          const id = r.passage.citeId;
          if (!sources.some((s) => s.id === id)) sources.push({ id, title: r.passage.title });
        }
        const rank = sources.findIndex((s) => matches(q.expected, s.id, s.title)) + 1;
        if (rank >= 1 && rank <= 5) hits++;
        if (rank >= 1) reciprocal += 1 / rank;

        const answer = await core.ask.ask(ANONYMOUS, `eval`, { question: q.question });
        const cited =
          answer.status === 'ANSWERED' &&
          answer.citations.some((c) => matches(q.expected, c.sourceId, c.title));
        const counted = q.count === undefined || answer.table?.count === q.count;
        if (cited && counted) correct++;
        else
          misses.push(
            `${q.question} → ${answer.status} ${answer.citations.map((c) => c.title).join(' | ')}${answer.table ? ` (count ${answer.table.count})` : ''}`,
          );
      }
      let refused = 0;
      for (const question of set.unanswerable)
        if ((await core.ask.ask(ANONYMOUS, 'eval', { question })).status === 'NO_ANSWER') refused++;
      const n = set.questions.length;
      const figures = {
        questions: n,
        recallAt5: hits / n,
        mrr: reciprocal / n,
        correctCitations: correct / n,
        unanswerableRefused: `${refused}/${set.unanswerable.length}`,
      };
      console.log(`assistant eval: ${JSON.stringify(figures)}`);
      for (const m of misses) console.log(`assistant eval miss: ${m}`);
      if (process.env.ASSISTANT_EVAL_OUT)
        writeFileSync(process.env.ASSISTANT_EVAL_OUT, JSON.stringify({ figures, misses }, null, 1));
      expect(figures.recallAt5).toBeGreaterThanOrEqual(0.9);
      expect(figures.correctCitations).toBeGreaterThanOrEqual(0.95);
      expect(refused).toBe(set.unanswerable.length);
    },
  );
});
