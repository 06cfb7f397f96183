// The web portal's engagement and assistant pages in a real browser (Debian's Chromium)
// against the whole stack: a survey answered end to end (a draft, an error from the graph next
// to its question, the submission counted in the public results), registering for a webinar
// and asking and voting on questions, the assistant answering from a dataset's rows with its
// cited file as a link (and offering feedback and 1022 without an answer), an open dataset with
// its preview; axe-core on every new page at 390 and 1366 px.
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { gql } from '@portal/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axe,
  axePages,
  clickTo,
  DESKTOP,
  expectNoSeriousViolations,
  launchBrowser,
  newPage,
  openConsoleSection,
  PHONE,
  portalUrl,
  screenshot,
  signIn,
  type AxeSummary,
} from './support/browser';
import { graphUrl, person, run, waitUntil, type Caller } from './support/portal';

const SURVEY = 'Khảo sát mức độ hài lòng với dịch vụ công trực tuyến năm 2026';
const WEBINAR = 'Hội thảo trực tuyến: Ứng dụng trí tuệ nhân tạo trong dịch vụ công';
const SEEDED_QUESTION = 'Trợ lý ảo có hỗ trợ tra cứu bằng giọng nói tiếng Việt không?';
const CONTEST = 'Cuộc thi Ý tưởng chuyển đổi số Thành phố Hồ Chí Minh 2026';

let browser: Browser;
// The development sign-in derives a person's id from the start of their name: unique first.
const unique = Date.now().toString(36);
const paths = { survey: '', results: '', event: '', contest: '' };

beforeAll(async () => {
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

/** Submits the page's form with the button named `name` and waits for the answer page. */
async function press(page: Page, name: string): Promise<void> {
  await Promise.all([
    page.waitForResponse(
      (res) => res.request().method() === 'POST' && res.url().startsWith(portalUrl),
    ),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  await page.waitForLoadState();
}

const TABLE_QUESTION = 'Có bao nhiêu điểm Wi-Fi công cộng ở Quận 1?';

describe('engagement and assistant pages in a browser', { timeout: 300_000 }, () => {
  it('a citizen answers a survey: a draft, an error next to its question, the submission in the results', async () => {
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await signIn(page, 'citizen', `${unique} Người khảo sát`);
    await page.goto(portalUrl);
    await clickTo(
      page,
      /\/khao-sat$/,
      page.getByTestId('take-part').getByRole('link', { name: 'Khảo sát' }),
    );
    await clickTo(page, /\/khao-sat\/[0-9a-f]{24}$/, page.getByRole('link', { name: SURVEY }));
    paths.survey = new URL(page.url()).pathname;
    paths.results = `${paths.survey}/ket-qua`;
    const surveyId = paths.survey.split('/')[2]!;
    // Counted for a signed-in reader: the gateway caches public results for half a minute.
    const reader = await person('citizen');
    const responses = async () =>
      (await run('SurveyResults', { id: surveyId }, reader)).survey.results.responseCount as number;
    const before = await responses();
    await page.getByRole('heading', { level: 1, name: SURVEY }).waitFor();

    // Every question type is on the page.
    const q = (n: number) => page.getByTestId(`question-q${n}`);
    expect(await q(1).getByRole('radio').count()).toBe(3);
    expect(await q(2).getByRole('checkbox').count()).toBe(5);
    expect(await q(2).textContent()).toContain('Chọn tối đa 3 lựa chọn.');
    expect(await q(3).getByRole('radio').count()).toBe(5);
    expect(await q(4).getByRole('combobox').count()).toBe(3);
    expect(await q(5).getByRole('textbox').count()).toBe(1);

    // A draft keeps what was answered so far.
    await q(1).getByLabel('Đã nộp một lần').check();
    await q(5).getByRole('textbox').fill('Cần thêm hướng dẫn bằng video.');
    await press(page, 'Lưu nháp');
    await page.getByText('Đã lưu bản nháp.').waitFor();
    await page.goto(`${portalUrl}${paths.survey}`);
    expect(await q(1).getByLabel('Đã nộp một lần').isChecked()).toBe(true);
    expect(await q(5).getByRole('textbox').inputValue()).toBe('Cần thêm hướng dẫn bằng video.');

    // Four services where three at most are allowed: the graph's BAD_USER_INPUT, shown there.
    for (const label of ['Đăng ký kinh doanh', 'Hộ tịch', 'Đất đai', 'Y tế'])
      await q(2).getByLabel(label).check();
    await q(3).getByLabel(/^4/).check();
    await q(4).getByLabel('Tốc độ xử lý').selectOption('1');
    await q(4).getByLabel('Giao diện dễ dùng').selectOption('3');
    await q(4).getByLabel('Hỗ trợ trực tuyến').selectOption('2');
    await press(page, 'Gửi câu trả lời');
    await q(2).getByText('Chỉ chọn tối đa 3 lựa chọn.').waitFor();
    expect(await q(2).getByLabel('Y tế').getAttribute('aria-invalid')).toBe('true');
    expect(await q(1).locator('.field-error').count()).toBe(0);
    // What was answered is still there.
    expect(await q(3).getByLabel(/^4/).isChecked()).toBe(true);

    await q(2).getByLabel('Y tế').uncheck();
    await press(page, 'Gửi câu trả lời');
    await page.getByTestId('survey-done').waitFor();
    expect(await page.locator('form button[value=submit]').count()).toBe(0);

    await clickTo(page, /\/ket-qua$/, page.getByRole('link', { name: 'Xem kết quả →' }));
    expect(await responses()).toBe(before + 1);
    // The public page follows within the cache's half minute.
    await waitUntil(
      async () => {
        await page.reload();
        return (await page.getByTestId('response-count').textContent())?.includes(
          `${before + 1} lượt trả lời`,
        );
      },
      { what: 'the new response in the public results', timeoutMs: 90_000, intervalMs: 3000 },
    );
    const services = page.getByTestId('result-q2');
    await services.getByRole('rowheader', { name: 'Đất đai' }).waitFor();
    // Shares are percentages of the people who answered the question.
    expect(await services.textContent()).toMatch(/\d+(,\d)?\s?%/);
    await screenshot(page, 'survey-results');
    expect(scriptErrors).toEqual([]);
    await page.context().close();
  });

  it('a citizen registers for a webinar, asks and votes on questions, and cancels', async () => {
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await page.goto(`${portalUrl}/su-kien`);
    await clickTo(page, /\/su-kien\/[0-9a-f]{24}$/, page.getByRole('link', { name: WEBINAR }));
    paths.event = new URL(page.url()).pathname;
    // 09:00 in the city (the demo webinar's time), whatever the browser's or server's zone.
    expect(await page.getByTestId('event-time').textContent()).toMatch(/09:00.*GMT\+7/);
    await page.getByRole('heading', { name: 'Diễn giả', exact: true }).waitFor();
    await page.getByText('Nhận dạng giấy tờ tự động').waitFor();
    await page.getByRole('link', { name: 'Đăng nhập để đăng ký tham dự' }).waitFor();

    await signIn(page, 'citizen', `${unique} Người dự hội thảo`);
    await page.goto(`${portalUrl}${paths.event}`);
    const eventId = paths.event.split('/')[2]!;
    const seats = async () => (await run('EventPage', { id: eventId })).event.confirmedCount;
    const taken = await seats();
    await press(page, 'Đăng ký tham dự');
    await page.getByText('Đã đăng ký.').waitFor();
    expect(await page.getByTestId('registration-status').textContent()).toBe(
      'Bạn đã đăng ký tham dự.',
    );
    expect(await seats()).toBe(taken + 1);

    const mine = `Hội thảo có phụ đề tiếng Việt không? ${unique}`;
    await page.getByLabel('Câu hỏi của bạn').fill(mine);
    await press(page, 'Gửi câu hỏi');
    const questions = page.getByTestId('event-questions').locator('li');
    await questions.filter({ hasText: mine }).waitFor();

    const seeded = questions.filter({ hasText: SEEDED_QUESTION });
    const votes = Number(await seeded.getByTestId('question-votes').textContent());
    await Promise.all([
      page.waitForResponse((res) => res.request().method() === 'POST'),
      seeded.getByRole('button', { name: `Ủng hộ: ${SEEDED_QUESTION}` }).click(),
    ]);
    await seeded.getByText('Bạn đã ủng hộ câu hỏi này.').waitFor();
    expect(Number(await seeded.getByTestId('question-votes').textContent())).toBe(votes + 1);

    await press(page, 'Hủy đăng ký');
    await page.getByText('Đã hủy đăng ký.').waitFor();
    await page.getByRole('button', { name: 'Đăng ký tham dự' }).waitFor();
    expect(await seats()).toBe(taken);
    expect(scriptErrors).toEqual([]);
    await page.context().close();
  });

  it('a contest shows its rounds, prizes and entries; results wait for publication', async () => {
    const { page } = await newPage(browser, DESKTOP);
    await page.goto(`${portalUrl}/cuoc-thi`);
    await clickTo(page, /\/cuoc-thi\/[0-9a-f]{24}$/, page.getByRole('link', { name: CONTEST }));
    paths.contest = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: CONTEST }).waitFor();
    await page.getByText('Nhận bài dự thi', { exact: true }).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Giải thưởng' }).count()).toBe(1);
    expect(await page.getByTestId('contest-entries').locator('li').count()).toBe(3);
    // No public vote runs now (the demo contest takes entries): no vote buttons.
    expect(await page.getByRole('button', { name: 'Bình chọn' }).count()).toBe(0);
    await page.goto(`${portalUrl}${paths.contest}/ket-qua`);
    await page.getByText('Kết quả chưa được công bố.').waitFor();
    await page.context().close();
  });

  it('the assistant answers with its citations as links; without an answer it offers feedback and 1022', async () => {
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await page.goto(portalUrl);
    await clickTo(
      page,
      /\/hoi-dap$/,
      page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Hỏi đáp' }),
    );
    // Answered from the open dataset's rows (the demo's Wi-Fi points), cited by its file.
    await page.getByLabel('Câu hỏi của bạn').fill(TABLE_QUESTION);
    await press(page, 'Hỏi');
    const answer = page.getByTestId('answer');
    await answer.waitFor();
    // Every sentence carries a citation mark that leads to its source in the list.
    const mark = answer.locator('sup a').first();
    expect(await mark.getAttribute('href')).toBe('#cite-1');
    expect(await answer.locator('table tbody tr').count()).toBeGreaterThan(0);
    const citation = page.locator('#cite-1');
    const link = citation.getByRole('link', { name: /Danh sách điểm Wi-Fi công cộng/ });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/diem-wifi-cong-cong\.csv$/);
    expect((await citation.locator('blockquote').textContent())!.length).toBeGreaterThan(10);
    // The link is the file itself, on the open-data portal (the simulator here).
    const file = await fetch(href);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('quan_huyen');
    await screenshot(page, 'ask');

    await page.goto(`${portalUrl}/hoi-dap`);
    await page
      .getByLabel('Câu hỏi của bạn')
      .fill('Giá vé máy bay đi Paris tháng sau là bao nhiêu?');
    await press(page, 'Hỏi');
    const none = page.getByTestId('no-answer');
    await none.waitFor();
    expect(await none.getByRole('link', { name: /biểu mẫu/ }).getAttribute('href')).toBe('/gop-y');
    expect(await none.getByRole('link', { name: '1022' }).getAttribute('href')).toBe('tel:1022');
    expect(scriptErrors).toEqual([]);
    await page.context().close();
  });

  it('open data: a search without accents finds a dataset, whose page previews its file', async () => {
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await page.goto(`${portalUrl}/du-lieu-mo`);
    await page.getByLabel('Tìm bộ dữ liệu').fill('wifi cong cong');
    await clickTo(page, /\/du-lieu-mo\?q=/, page.getByRole('button', { name: 'Tìm kiếm' }));
    await clickTo(
      page,
      /\/du-lieu-mo\/diem-wifi-cong-cong$/,
      page.getByRole('link', { name: 'Điểm Wi-Fi công cộng miễn phí' }),
    );
    await page.getByRole('heading', { level: 1, name: 'Điểm Wi-Fi công cộng miễn phí' }).waitFor();
    await page.getByText('Creative Commons Attribution').waitFor();
    // The preview is made by the assistant's worker after the catalog sync.
    const table = page.getByTestId('preview-table');
    await waitUntil(
      async () => {
        await page.reload();
        return (await table.count()) > 0;
      },
      { what: 'the dataset preview', timeoutMs: 120_000, intervalMs: 3000 },
    );
    expect(await table.locator('thead th').count()).toBeGreaterThan(1);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await table.locator('thead').textContent()).toMatch(/\((STRING|INTEGER|NUMBER)\)/);
    await screenshot(page, 'dataset');
    expect(scriptErrors).toEqual([]);
    await page.context().close();
  });

  it('the new pages at 390 and 1366 px have no serious or critical axe violations', async () => {
    const pages: [string, string][] = [
      ['surveys', '/khao-sat'],
      ['survey', paths.survey],
      ['survey-results', paths.results],
      ['events', '/su-kien'],
      ['past-events', '/su-kien/da-dien-ra'],
      ['event', paths.event],
      ['contests', '/cuoc-thi'],
      ['contest', paths.contest],
      ['ask', '/hoi-dap'],
      ['open-data', '/du-lieu-mo'],
      ['dataset', '/du-lieu-mo/diem-wifi-cong-cong'],
    ];
    expect(pages.every(([, path]) => path.startsWith('/'))).toBe(true);
    const results: AxeSummary[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const { page } = await newPage(browser, viewport);
      results.push(...(await axePages(page, pages)));
      await page.goto(`${portalUrl}/hoi-dap`);
      // The ask page with an answer from a dataset's rows: a table and its citation.
      await page.getByLabel('Câu hỏi của bạn').fill(TABLE_QUESTION);
      await press(page, 'Hỏi');
      await page.getByTestId('answer').locator('table').waitFor();
      results.push(await axe(page, 'ask-answer'));
      await page.context().close();
    }
    expectNoSeriousViolations('axe-engagement.json', 'axe (engagement, assistant)', results);
  }, 400_000);

  it('the new pages are complete without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${portalUrl}${paths.survey}`);
    expect(await page.getByTestId('question-q1').count()).toBe(1);
    await page.goto(`${portalUrl}/hoi-dap`);
    await page.getByLabel('Câu hỏi của bạn').fill(TABLE_QUESTION);
    await clickTo(page, /\/hoi-dap$/, page.getByRole('button', { name: 'Hỏi', exact: true }));
    // A count from the dataset's rows, with the rows and the cited file.
    const answer = page.getByTestId('answer');
    await answer.locator('table caption').filter({ hasText: 'dòng phù hợp' }).waitFor();
    expect(await page.getByTestId('citations').locator('li').count()).toBeGreaterThan(0);
    await page.goto(`${portalUrl}/du-lieu-mo/diem-wifi-cong-cong`);
    expect(await page.getByTestId('preview-table').count()).toBeGreaterThan(0);
    await context.close();
  });
});

// Issue 19's polls on article and thread pages, issue 21's page views and monthly report.
const ARTICLE_WITH_POLL = 'thanh-pho-dua-vao-van-hanh-kho-du-lieu-dung-chung';
const ARTICLE_POLL_QUESTION = 'Bạn đã dùng dữ liệu từ Kho dữ liệu dùng chung chưa?';
// The forum seed's first thread (its id derived as apps/forum/src/demo-seed.ts does).
const THREAD_WITH_POLL = createHash('sha1')
  .update('forum-seed:thread:0')
  .digest('hex')
  .slice(0, 24);
const THREAD_POLL_QUESTION = 'Bạn có ủng hộ đề xuất này?';
/** The city month (UTC+7) of now, and its instants. */
const cityMonth = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
const monthStart = (ym: string) => new Date(`${ym}-01T00:00:00+07:00`).toISOString();
const [year, monthIndex] = cityMonth.split('-').map(Number) as [number, number];
const period = {
  from: monthStart(cityMonth),
  to: monthStart(
    monthIndex === 12 ? `${year + 1}-01` : `${year}-${String(monthIndex + 1).padStart(2, '0')}`,
  ),
  granularity: 'MONTH',
};

describe('polls, page views and the monthly report in a browser', { timeout: 300_000 }, () => {
  it('a citizen answers the poll shown with an article and sees its results', async () => {
    const reader = await person('citizen');
    const votes = async () =>
      (await run('ArticlePoll', { slug: ARTICLE_WITH_POLL }, reader)).article.poll.results
        .responseCount as number;
    const before = await votes();
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await signIn(page, 'citizen', `${unique} Người bình chọn`);
    await page.goto(`${portalUrl}/bai-viet/${ARTICLE_WITH_POLL}`);
    const poll = page.getByTestId('poll');
    await poll.getByRole('heading', { name: 'Bình chọn nhanh' }).waitFor();
    const question = poll.getByRole('group', { name: ARTICLE_POLL_QUESTION });
    expect(await question.getByRole('radio').count()).toBe(3);
    await question.getByLabel('Thỉnh thoảng').check();
    await press(page, 'Gửi bình chọn');
    await poll.getByTestId('poll-done').waitFor();
    // Counts and shares, the new vote among them (the form is gone: one answer per person).
    const results = poll.getByTestId('poll-results');
    await results.getByText(`${before + 1} lượt bình chọn`).waitFor();
    await results.getByRole('rowheader', { name: 'Thỉnh thoảng' }).waitFor();
    expect(await results.textContent()).toMatch(/\d+(,\d)?\s?%/);
    expect(await poll.getByRole('button', { name: 'Gửi bình chọn' }).count()).toBe(0);
    expect(await votes()).toBe(before + 1);
    await page.reload();
    await page
      .getByTestId('poll-results')
      .getByText(`${before + 1} lượt bình chọn`)
      .waitFor();
    await screenshot(page, 'article-poll');
    expect(scriptErrors).toEqual([]);
    await page.context().close();
  });

  it('the thread page shows its poll, answered without JavaScript', async () => {
    const before = (await run('ThreadPoll', { id: THREAD_WITH_POLL })).thread.poll.results
      .responseCount as number;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/dien-dan/${THREAD_WITH_POLL}`);
    const poll = page.getByTestId('poll');
    const question = poll.getByRole('group', { name: THREAD_POLL_QUESTION });
    expect(await question.getByRole('radio').count()).toBe(3);
    // Anyone may answer this poll: a plain form post, once per address.
    await question.getByLabel('Cần bàn thêm').check();
    await clickTo(
      page,
      `${portalUrl}/dien-dan/${THREAD_WITH_POLL}`,
      poll.getByRole('button', { name: 'Gửi bình chọn' }),
    );
    await poll.getByTestId('poll-done').waitFor();
    await poll
      .getByTestId('poll-results')
      .getByText(`${before + 1} lượt bình chọn`)
      .waitFor();
    await context.close();
  });

  it('a view of a library item page is counted with its referrer class', async () => {
    const editor = await person('editor');
    const stats = async () => (await run('PortalStats', period, editor)).portalStats.libraryItems;
    const search = (s: { byReferrer: { referrer: string; views: number }[] }) =>
      s.byReferrer.find((r) => r.referrer === 'SEARCH')?.views ?? 0;
    const before = await stats();
    const slug = (await run('HomePage', {}, editor)).libraryItems.nodes[0].slug as string;
    // A phone's own browser: headless Chromium's user agent is a crawler's, not counted.
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
    });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/thu-vien/${slug}`, { referer: 'https://www.google.com/' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The library's counters reach the statistics at its next flush.
    let after = before;
    await waitUntil(
      async () => {
        after = await stats();
        return after.views > before.views;
      },
      { what: 'the library view in portalStats', timeoutMs: 120_000, intervalMs: 2000 },
    );
    expect(after.views).toBe(before.views + 1);
    expect(search(after)).toBe(search(before) + 1);
    const mobile = (s: typeof before) =>
      s.byDevice.find((d: { device: string }) => d.device === 'MOBILE')?.views ?? 0;
    expect(mobile(after)).toBe(mobile(before) + 1);
    await context.close();
  });

  it('an editor reads the monthly report with its numbers; a citizen may not', async () => {
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await signIn(page, 'editor', `${unique} Biên tập báo cáo`);
    await openConsoleSection(page, 'Báo cáo tháng', /\/quan-tri\/bao-cao$/);
    await clickTo(
      page,
      new RegExp(`/quan-tri/bao-cao/${cityMonth}$`),
      page.getByTestId('report-months').getByRole('link', { name: cityMonth }),
    );
    await page.getByRole('heading', { level: 1, name: `Báo cáo tháng ${cityMonth}` }).waitFor();
    // The page's figures are the graph's (read again until no flush lands in between).
    const editor = await person('editor');
    const audience = page.getByTestId('report-audience');
    const libraryViews = audience
      .getByRole('row', { name: /^Thư viện/ })
      .getByRole('cell')
      .first();
    let graph: Record<string, any> = {};
    await waitUntil(
      async () => {
        graph = (await run('PortalStats', { ...period, granularity: 'WEEK' }, editor)).portalStats;
        await page.reload();
        return (await libraryViews.textContent())?.trim() === String(graph.libraryItems.views);
      },
      { what: "the report's library views as the graph's", timeoutMs: 90_000, intervalMs: 3000 },
    );
    expect(graph.libraryItems.views).toBeGreaterThan(0);
    for (const part of [
      'report-forum',
      'report-referrals',
      'report-contributions',
      'report-bulletin',
    ])
      expect(await page.getByTestId(part).textContent(), part).toMatch(/\d/);
    // Printed: the report alone, without the site's and the console's navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.staff-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await audience.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'monthly-report');
    expect(scriptErrors).toEqual([]);
    await page.context().close();

    const citizen = await newPage(browser, DESKTOP);
    await signIn(citizen.page, 'citizen', `${unique} Người dân xem báo cáo`);
    const refused = await citizen.page.goto(`${portalUrl}/quan-tri/bao-cao/${cityMonth}`);
    expect(refused?.status()).toBe(403);
    const csv = await citizen.page.goto(`${portalUrl}/quan-tri/bao-cao/${cityMonth}/csv`);
    expect(csv?.status()).toBe(403);
    await citizen.page.context().close();
  });

  it('the poll, report pages at 390 and 1366 px have no serious or critical axe violations', async () => {
    const results: AxeSummary[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const { page } = await newPage(browser, viewport);
      await signIn(page, 'editor', `${unique} Biên tập axe`);
      results.push(
        ...(await axePages(page, [
          ['article-poll', `/bai-viet/${ARTICLE_WITH_POLL}`],
          ['thread-poll', `/dien-dan/${THREAD_WITH_POLL}`],
          ['reports', '/quan-tri/bao-cao'],
          ['report', `/quan-tri/bao-cao/${cityMonth}`],
        ])),
      );
      await page.context().close();
    }
    expectNoSeriousViolations('axe-polls-report.json', 'axe (polls, monthly report)', results);
  }, 400_000);
});

// Issue 17: a contest from entry to showcase. The portal has no screen to create contests, so
// an editor creates one through the graph; everything after that happens in the browser.
const ENTRY = `Bản đồ điểm sạc xe điện ${unique}`;
const JUDGE = `${unique} Giám khảo`;
const contest = { id: '', title: `Cuộc thi thử nghiệm ${unique}`, path: '' };

/** The id the development sign-in gives a person of `role` named `name` (dev-signin.server.ts). */
function devPersonId(role: string, name: string): string {
  return `dev-${role}-${Buffer.from(name).toString('base64url').slice(0, 24)}`;
}

/** A mutation outside the contract (the editor's contest set-up), failing on errors. */
async function graph(caller: Caller, query: string, variables: Record<string, unknown>) {
  const res = await gql<Record<string, any>>(graphUrl, query, { variables, bearer: caller.bearer });
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

describe('a contest from entry to showcase in a browser', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    const editor = await person('editor');
    const now = Date.now();
    const { createContest } = await graph(
      editor,
      'mutation($input: ContestInput!) { createContest(input: $input) { id } }',
      {
        input: {
          title: contest.title,
          rules: 'Mỗi người gửi một bài dự thi trước hạn.',
          eligibility: 'Mọi người dân',
          rounds: [
            {
              kind: 'SUBMISSION',
              title: 'Nhận bài',
              startsAt: new Date(now - 3600_000).toISOString(),
              endsAt: new Date(now + 2 * 86_400_000).toISOString(),
            },
          ],
          criteria: [
            { name: 'Tính sáng tạo', weight: 2, maxScore: 10 },
            { name: 'Tính khả thi', weight: 1, maxScore: 10 },
          ],
          prizes: [{ rank: 1, title: 'Giải Nhất' }],
        },
      },
    );
    contest.id = createContest.id;
    contest.path = `/cuoc-thi/${contest.id}`;
    await graph(editor, 'mutation($id: ID!) { publishContest(id: $id) { id } }', {
      id: contest.id,
    });
    await graph(
      editor,
      'mutation($c: ID!, $j: [ID!]!) { assignContestJudges(contestId: $c, judgeIds: $j) { id } }',
      { c: contest.id, j: [devPersonId('citizen', JUDGE)] },
    );
  });

  it('a citizen sends an entry without JavaScript: the graph refuses a short description next to it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, 'citizen', `${unique} Người dự thi`);
    await page.goto(`${portalUrl}${contest.path}`);
    const form = page.getByRole('region', { name: 'Bài dự thi của bạn' });
    const title = form.getByLabel('Tên bài dự thi');
    const description = form.getByLabel('Mô tả');
    await title.fill(ENTRY);
    // Long enough for the browser (required), too short for the graph (10 characters).
    await description.fill('Bản đồ');
    await press(page, 'Gửi bài dự thi');
    await form.locator('#f-description-err').waitFor();
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    expect(await title.inputValue()).toBe(ENTRY);
    // The team defaults to the person signed in.
    expect(await form.getByLabel('Thành viên nhóm').inputValue()).toBe(`${unique} Người dự thi`);

    await description.fill('Bản đồ các điểm sạc xe điện công cộng, cập nhật theo thời gian thực.');
    await form
      .getByLabel('Thành viên nhóm')
      .fill(`${unique} Người dự thi, trưởng nhóm\nTrần Thị B`);
    await press(page, 'Gửi bài dự thi');
    await form.getByText('Đã gửi bài dự thi.').waitFor();
    await form.getByTestId('my-entry').waitFor();
    const entries = page.getByTestId('contest-entries');
    await entries.getByRole('heading', { name: ENTRY }).waitFor();
    expect(await entries.textContent()).toContain('Trần Thị B');

    // Edited while the submission round runs.
    await description.fill(
      'Bản đồ điểm sạc xe điện công cộng, cập nhật theo thời gian thực từ dữ liệu mở.',
    );
    await press(page, 'Lưu bài dự thi');
    await form.getByText('Đã lưu bài dự thi của bạn.').waitFor();
    expect(await description.inputValue()).toContain('từ dữ liệu mở');

    // Only the contest's judges open its judging page.
    const refused = await page.goto(`${portalUrl}${contest.path}/cham-thi`);
    expect(refused?.status()).toBe(403);
    await context.close();
  });

  it('a judge (assigned, with no staff role) scores the entry on the criteria', async () => {
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await signIn(page, 'citizen', JUDGE);
    await page.goto(`${portalUrl}${contest.path}`);
    // Judges do not enter their own contest.
    expect(await page.getByRole('button', { name: 'Gửi bài dự thi' }).count()).toBe(0);
    await clickTo(page, /\/cham-thi$/, page.getByRole('link', { name: 'Chấm các bài dự thi →' }));
    const card = page.getByTestId('judging-entries').locator('li').filter({ hasText: ENTRY });
    await card.getByLabel(/^Tính sáng tạo/).fill('8');
    await card.getByLabel(/^Tính khả thi/).fill('6');
    await card.getByLabel('Nhận xét').fill('Ý tưởng thiết thực, dữ liệu sẵn có.');
    await press(page, 'Lưu điểm');
    await card.getByText('Đã lưu điểm.').waitFor();
    // (8/10 × 2 + 6/10 × 1) / 3, out of 100.
    expect(await card.getByTestId('my-score').textContent()).toContain('73.33/100');
    await page.reload();
    expect(await card.getByLabel(/^Tính sáng tạo/).inputValue()).toBe('8');
    expect(scriptErrors).toEqual([]);
    await page.context().close();
  });

  it('an editor publishes the results and promotes the winner to the showcase; the public sees both', async () => {
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await signIn(page, 'editor', `${unique} Biên tập cuộc thi`);
    await openConsoleSection(page, 'Cuộc thi, trưng bày', /\/quan-tri\/cuoc-thi$/);
    await clickTo(
      page,
      new RegExp(`/quan-tri/cuoc-thi/${contest.id}$`),
      page.getByTestId('staff-contests').getByRole('link', { name: contest.title }),
    );
    const row = page.getByTestId('standings').getByRole('row', { name: new RegExp(ENTRY) });
    expect(await row.getByRole('cell').first().textContent()).toBe('73.33');

    await page.getByLabel('Giải Nhất').selectOption({ label: ENTRY });
    await press(page, 'Công bố kết quả');
    await page.getByText('Đã công bố kết quả.').waitFor();

    const winner = page.getByTestId('showcase-winners').locator('li').filter({ hasText: ENTRY });
    const tryIt = winner.getByLabel(/^Địa chỉ dùng thử/);
    await winner.getByLabel('Chuyên mục').selectOption('CITIZEN_ENGAGEMENT');
    // A URL for the browser, not for the graph (http or https only): refused next to it.
    await tryIt.fill('ftp://example.com/ban-do-sac');
    await press(page, 'Đưa vào trưng bày');
    await winner.locator('.field-error').waitFor();
    expect(await tryIt.getAttribute('aria-invalid')).toBe('true');
    expect(await winner.getByLabel('Chuyên mục').inputValue()).toBe('CITIZEN_ENGAGEMENT');

    await tryIt.fill('https://example.com/ban-do-sac');
    await press(page, 'Đưa vào trưng bày');
    await winner.getByText('Đã chuyển sang thư viện').waitFor();
    // The library's worker creates the showcase entry from the promotion.
    await waitUntil(
      async () => {
        await page.reload();
        return (await winner.getByTestId('showcase-status').count()) > 0;
      },
      { what: 'the showcase entry on the staff page', timeoutMs: 60_000, intervalMs: 2000 },
    );
    expect(await winner.getByTestId('showcase-status').textContent()).toContain('ACTIVE');
    await screenshot(page, 'staff-contest');
    expect(scriptErrors).toEqual([]);
    await page.context().close();

    // Anyone: the winner in the results, and the product in the AI-Challenge showcase.
    const anonymous = await newPage(browser, DESKTOP);
    await anonymous.page.goto(`${portalUrl}${contest.path}/ket-qua`);
    await anonymous.page
      .getByTestId('contest-winners')
      .getByRole('heading', { name: `Giải Nhất: ${ENTRY}` })
      .waitFor();
    await waitUntil(
      async () => {
        await anonymous.page.goto(`${portalUrl}/ung-dung/ai-challenge`);
        return (await anonymous.page.getByRole('heading', { name: ENTRY }).count()) > 0;
      },
      { what: 'the promoted entry in the public showcase', timeoutMs: 60_000, intervalMs: 2000 },
    );
    expect(anonymous.scriptErrors).toEqual([]);
    await anonymous.page.context().close();
  });

  it('an editor takes the product off the showcase, and the public no longer sees it', async () => {
    // This also leaves the showcase as the seed made it for the files after this one (they
    // share the stack, and the AI-Challenge page lists the newest products first).
    const { page, scriptErrors } = await newPage(browser, DESKTOP);
    await signIn(page, 'editor', `${unique} Biên tập cuộc thi`);
    await page.goto(`${portalUrl}/quan-tri/cuoc-thi/${contest.id}`);
    const winner = page.getByTestId('showcase-winners').locator('li').filter({ hasText: ENTRY });
    await Promise.all([
      page.waitForResponse(
        (res) => res.request().method() === 'POST' && res.url().startsWith(portalUrl),
      ),
      winner.getByRole('button', { name: 'Gỡ khỏi trưng bày', exact: true }).click(),
    ]);
    await winner.getByText('Đã gỡ khỏi trưng bày.').waitFor();
    expect(scriptErrors).toEqual([]);
    await page.context().close();

    const anonymous = await newPage(browser, DESKTOP);
    await waitUntil(
      async () => {
        await anonymous.page.goto(`${portalUrl}/ung-dung/ai-challenge`);
        await anonymous.page.getByRole('heading', { level: 1 }).waitFor();
        return (await anonymous.page.getByRole('heading', { name: ENTRY }).count()) === 0;
      },
      { what: 'the product gone from the public showcase', timeoutMs: 60_000, intervalMs: 2000 },
    );
    expect(anonymous.scriptErrors).toEqual([]);
    await anonymous.page.context().close();
  });

  it('the contest pages of entrants, judges and editors at 390 and 1366 px have no serious or critical axe violations', async () => {
    const pages: [string, 'citizen' | 'editor', string, string][] = [
      ['contest-entry-form', 'editor', `${unique} Biên tập axe cuộc thi`, contest.path],
      ['contest-judging', 'citizen', JUDGE, `${contest.path}/cham-thi`],
      ['staff-contests', 'editor', `${unique} Biên tập axe cuộc thi`, '/quan-tri/cuoc-thi'],
      [
        'staff-contest',
        'editor',
        `${unique} Biên tập axe cuộc thi`,
        `/quan-tri/cuoc-thi/${contest.id}`,
      ],
    ];
    const results: AxeSummary[] = [];
    for (const viewport of [PHONE, DESKTOP])
      for (const [name, role, who, path] of pages) {
        const { page } = await newPage(browser, viewport);
        await signIn(page, role, who);
        const res = await page.goto(`${portalUrl}${path}`);
        expect(res?.status(), name).toBe(200);
        await page.getByRole('heading', { level: 1 }).waitFor();
        results.push(await axe(page, name));
        await page.context().close();
      }
    expectNoSeriousViolations('axe-contests.json', 'axe (contests)', results);
  }, 400_000);
});
