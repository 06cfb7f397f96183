// Lighthouse 12 (its CLI, mobile profile) against Debian's Chromium: the web portal's
// end-to-end audits (accessibility, best practices, SEO) and its performance benchmark.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureDebianPackage, workspaceRoot } from '@portal/local-services';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, installed on first use. */
export function chromiumPath(
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): string {
  return ensureDebianPackage('chromium', 'chromium', log);
}

export interface LighthouseScores {
  url: string;
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  /** JavaScript transferred (compressed bytes). */
  scriptBytes: number;
  /** Largest Contentful Paint and Total Blocking Time as Lighthouse scored them (ms). */
  lcpMs: number;
  tbtMs: number;
  /** Scored audits below 0.9. */
  failing: string[];
}

/** Runs Lighthouse on `url` (mobile profile); its JSON report is written to `reportPath`. */
export async function runLighthouse(url: string, reportPath: string): Promise<LighthouseScores> {
  mkdirSync(dirname(reportPath), { recursive: true });
  const cli = join(workspaceRoot(), 'node_modules/lighthouse/cli/index.js');
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${reportPath}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    '--max-wait-for-load=90000',
    '--quiet',
  ];
  const run = () =>
    new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, CHROME_PATH: chromiumPath() },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += String(d)));
      const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
      child.once('error', reject);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve({ code: c ?? 1, stderr });
      });
    });
  let result = await run();
  // Lighthouse's own transient failures (NO_NAVSTART, NO_FCP on a busy machine…) end with
  // "Please run Lighthouse again": one more run, as it says.
  if (result.code !== 0 && /run Lighthouse again/i.test(result.stderr)) result = await run();
  if (result.code !== 0) {
    console.error(result.stderr.slice(-2000));
    throw new Error(`lighthouse exited with ${result.code}`);
  }
  const lhr = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<
      string,
      {
        id: string;
        score: number | null;
        scoreDisplayMode: string;
        numericValue?: number;
        details?: { items?: { resourceType?: string; transferSize?: number }[] };
      }
    >;
  };
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  return {
    url,
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    scriptBytes:
      lhr.audits['resource-summary']?.details?.items?.find((i) => i.resourceType === 'script')
        ?.transferSize ?? 0,
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    failing: Object.values(lhr.audits)
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode),
      )
      .map((a) => a.id),
  };
}
