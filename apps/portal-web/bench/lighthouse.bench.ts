// `npm run bench -- lighthouse`: the web portal's Lighthouse scores (mobile profile) on the home
// page and an article, the pages the issue names, with the performance target of 90.
//
// Builds the portal for production, starts the whole stack as `npm start` does (its own
// FerretDB, Redis and demo data, on shifted ports) serving that build, warms each page once
// (as any visitor after the first finds it), then runs Lighthouse on the two pages in turn,
// BENCH_ROUNDS times (3 by default; BENCH_SMOKE=1: once), and reports the median of each figure.
// Lighthouse's mobile profile simulates a slow phone from what it observes on this machine, so
// the score follows the machine's load: run it on a quiet machine (`uptime` beside it).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORTS } from '@portal/config';
import {
  buildPortalWeb,
  freeStackOffset,
  startPortalStack,
  workspaceRoot,
} from '@portal/local-services';
import { benchSettings, percentile, reportBenchmark } from '@portal/testing/bench';
import { runLighthouse, type LighthouseScores } from '@portal/testing/lighthouse';

const root = workspaceRoot();
const settings = benchSettings();
const rounds = settings.smoke ? 1 : (settings.rounds ?? 3);
const offset = await freeStackOffset();
const scratch = mkdtempSync(join(tmpdir(), 'lighthouse-bench-'));
const outDir = join(root, 'tmp', 'portal-web', 'bench');
const say = (line: string) => process.stdout.write(`[lighthouse] ${line}\n`);

/** The stack as `npm start` runs it, serving the portal's production build. */
async function startStack(buildDir: string): Promise<ChildProcess> {
  const { child } = await startPortalStack(
    {
      ...settings.baseEnv,
      PORT_OFFSET: String(offset),
      DATA_DIR: join(scratch, 'data'),
      LOG_LEVEL: 'warn',
      START_TIMEOUT_MS: '300000',
      PORTAL_WEB_BUILD_DIR: buildDir,
    },
    { exitedEarly: 'the stack exited', tailLines: 60, keepLines: 60 },
  );
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
}

const median = (values: number[]) => percentile(values, 50);

let stack: ChildProcess | undefined;
let buildDir = '';
try {
  buildDir = await buildPortalWeb(settings.baseEnv);
  const started = Date.now();
  stack = await startStack(buildDir);
  const portal = `http://127.0.0.1:${DEFAULT_PORTS['portal-web'] + offset}`;
  say(`stack up in ${Math.round((Date.now() - started) / 1000)} s at ${portal}`);
  // The article a reader reaches from the home page: its first article link.
  const home = await (await fetch(`${portal}/`)).text();
  const articlePath = /href="(\/bai-viet\/[^"#?]+)"/.exec(home)?.[1];
  if (!articlePath) throw new Error('the home page links to no article');
  const pages = { home: '/', article: articlePath } as const;
  for (const path of Object.values(pages)) await fetch(`${portal}${path}`);

  const scores: Record<keyof typeof pages, LighthouseScores[]> = { home: [], article: [] };
  for (let round = 1; round <= rounds; round++)
    for (const [name, path] of Object.entries(pages) as [keyof typeof pages, string][]) {
      const s = await runLighthouse(`${portal}${path}`, join(outDir, `${name}-${round}.json`));
      scores[name].push(s);
      say(
        `round ${round} ${name}: performance ${s.performance}, LCP ${s.lcpMs} ms, TBT ${s.tbtMs} ms, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}; load average ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'scores.json'), `${JSON.stringify(scores, null, 2)}\n`);

  for (const [name, list] of Object.entries(scores)) {
    const detail = `median of ${list.length}; LCP ${median(list.map((s) => s.lcpMs))} ms, TBT ${median(list.map((s) => s.tbtMs))} ms; scores ${list.map((s) => s.performance).join(', ')}`;
    reportBenchmark({
      name: `lighthouse ${name}: performance (mobile)`,
      value: median(list.map((s) => s.performance)),
      unit: 'score',
      target: 90,
      better: 'higher',
      detail,
    });
    for (const category of ['accessibility', 'best-practices', 'seo'] as const)
      reportBenchmark({
        name: `lighthouse ${name}: ${category}`,
        value: median(list.map((s) => s[category])),
        unit: 'score',
        target: 95,
        better: 'higher',
      });
  }
  reportBenchmark({
    name: 'lighthouse home: JavaScript transferred',
    value: Math.round(median(scores.home.map((s) => s.scriptBytes)) / 1024),
    unit: 'kB gzip',
    target: 200,
    better: 'lower',
  });
} finally {
  await stop(stack);
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
}
