// A real browser for the web portal's end-to-end tests: Debian's Chromium (installed by the
// project's own helper) driven by playwright-core, axe-core for accessibility, Lighthouse for
// the page-quality audits. Results and screenshots go to tmp/ (not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { tryEnsureDebianPackage, workspaceRoot } from '@portal/local-services';
import {
  CHROMIUM_FLAGS,
  chromiumPath,
  runLighthouse,
  type LighthouseScores,
} from '@portal/testing/lighthouse';

export type { LighthouseScores };

export const portalUrl = process.env.E2E_PORTAL_URL!;
export const outDir = join(workspaceRoot(), 'tmp', 'portal-web');

/**
 * The browser the tests drive: Chromium's headless shell (Debian's `chromium-headless-shell`,
 * built from the same Chromium sources and version as `chromium`, and what Playwright itself
 * runs for headless tests), else the full `chromium` in headless mode. The same browser tests
 * took about 45 % less of the browser's CPU in the shell (docs/benchmarks.md, "The test
 * suite's wall time"). Lighthouse keeps the full browser, which it is made for.
 */
function browserPath(): string {
  const log = (line: string) => console.log(`[e2e] ${line}`);
  return (
    tryEnsureDebianPackage('chromium-headless-shell', 'chromium-headless-shell', log) ??
    chromiumPath(log)
  );
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserPath(),
    args: CHROMIUM_FLAGS,
    timeout: 120_000,
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/** A fresh browser context (its own cookies) with a page that fails the test on script errors. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ page: Page; scriptErrors: string[] }> {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  page.on('pageerror', (err) => scriptErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text()))
      scriptErrors.push(msg.text());
  });
  return { page, scriptErrors };
}

/** Signs in through the development role picker, as a person would. */
export async function signIn(
  page: Page,
  role: 'citizen' | 'editor' | 'moderator' | 'officer' | 'admin',
  name: string,
  department?: string,
): Promise<void> {
  await page.goto(`${portalUrl}/dang-nhap`);
  await page.getByLabel(role, { exact: true }).check();
  await page.getByLabel('Tên hiển thị').fill(name);
  if (department) await page.getByLabel('Đơn vị').selectOption(department);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap')),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
}

/** Clicks `target` (a link, a form's button) and waits for the page it leads to. */
export async function clickTo(
  page: Page,
  url: Parameters<Page['waitForURL']>[0],
  target: Locator,
): Promise<void> {
  await Promise.all([page.waitForURL(url), target.click()]);
}

/** Opens the staff console and follows its navigation to the section named `name`. */
export async function openConsoleSection(page: Page, name: string, url: RegExp): Promise<void> {
  await page.goto(`${portalUrl}/quan-tri`);
  await clickTo(
    page,
    url,
    page.getByRole('navigation', { name: 'Trang quản trị' }).getByRole('link', { name }),
  );
}

/**
 * Screenshots are for people looking at tmp/portal-web after a run of their own; CI (`CI=true`,
 * which `.ci/run` sets) takes none unless E2E_SCREENSHOTS=1: a full-page one costs about 0.8
 * CPU-s, the suite takes about 65, and nobody reads them there.
 */
const takeScreenshots = process.env.E2E_SCREENSHOTS === '1' || !process.env.CI;

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  const dir = join(outDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
}

type AxeViolation = { id: string; impact: string | null | undefined; nodes: number; help: string };

/** What axe found on a page at the width of its viewport. */
export interface AxeSummary {
  page: string;
  violations: AxeViolation[];
  width: number;
}

/**
 * axe-core's WCAG 2.1 A/AA rules (and its best practices) on the page as it is now.
 *
 * One `axe.run` in the page (`setLegacyMode`), keeping only the violations. By default the
 * Playwright integration runs axe in parts, then opens a blank page (a renderer process of
 * its own), loads axe there again and hands it every node of every result, passes included,
 * to finish the run. That is needed only for cross-origin frames, so a page with any frame is
 * still checked that way (the portal's pages have none). Both ways find the same violations
 * (the same rules, impacts and node counts on a page made to break a dozen rules); this way
 * took 0.41× the time on five portal pages (docs/benchmarks.md).
 */
export async function axe(page: Page, name: string): Promise<AxeSummary> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(page.frames().length === 1)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return {
    page: name,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
    })),
    width: page.viewportSize()?.width ?? 0,
  };
}

/** The violations a page must not have: serious or critical ones. */
export function isSerious(v: AxeViolation): boolean {
  return v.impact === 'serious' || v.impact === 'critical';
}

/** Each page (a name and a path) opened in turn in `page`: its screenshot, then axe on it. */
export async function axePages(
  page: Page,
  pages: readonly [string, string][],
): Promise<AxeSummary[]> {
  const results: AxeSummary[] = [];
  for (const [name, path] of pages) {
    await page.goto(`${portalUrl}${path}`);
    await screenshot(page, name);
    results.push(await axe(page, name));
  }
  return results;
}

/**
 * Keeps axe's results in tmp/portal-web/`file`, says how many checks found what (`label`
 * first), and fails with every serious or critical violation, one line each.
 */
export function expectNoSeriousViolations(
  file: string,
  label: string,
  results: readonly AxeSummary[],
): void {
  writeResult(file, results);
  const serious = results.flatMap((r) =>
    r.violations
      .filter(isSerious)
      .map((v) => `${r.page}@${r.width}: ${v.id} (${v.impact}, ${v.nodes}) ${v.help}`),
  );
  const any = results.reduce((n, r) => n + r.violations.length, 0);
  console.log(
    `${label}: ${results.length} page checks, ${any} violations of any impact, ${serious.length} serious or critical`,
  );
  expect(serious).toEqual([]);
}

export function writeResult(file: string, data: unknown): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, file), `${JSON.stringify(data, null, 2)}\n`);
}

/** Lighthouse's scores for a page; its JSON report goes to tmp/portal-web/lighthouse-<name>.json. */
export function lighthouse(url: string, name: string): Promise<LighthouseScores> {
  return runLighthouse(url, join(outDir, `lighthouse-${name}.json`));
}
