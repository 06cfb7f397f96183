// The monthly report end to end: two content workers as their own processes (as two replicas
// would run), the referral subgraph as its own process (its part read as a trusted service),
// the notifier as its own process and a real SMTP sink. The month's report is built once and
// each subscribed leader gets one e-mail, however often the job runs.
import { Queue, QueueEvents } from 'bullmq';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, SmtpSink } from '@portal/local-services';
import { jobId } from '@portal/queue';
import {
  errorCodes,
  spawnServingApp,
  testProcessEnv,
  testServices,
  testViewer,
  uniqueName,
  waitUntil,
  type ServingApp,
  type SpawnedApp,
} from '@portal/testing';
import { MONTHLY_REPORT_SCHEDULE } from '../src/jobs/content-reports.processor';
import { monthBefore, monthOf, monthPeriod } from '../src/reports/report-period';
import { PUBLIC_BASE_URL, WEB_BASE_URL, createArticle, useContentServer } from './content-harness';

const h = useContentServer('content-monthly-report');
const MONTH = monthBefore(new Date());
const { from: monthStart } = monthPeriod(MONTH);
const inMonth = (day: number, hour: number) =>
  new Date(monthStart.getTime() + ((day - 1) * 24 + hour) * 3600_000);
const HOUR = 3600_000;

const leaderA = testViewer('editor', {
  id: 'lanh-dao-a',
  email: 'lanh.dao.a@example.vn',
  displayName: 'Lãnh đạo A',
});
const leaderB = testViewer('admin', {
  id: 'lanh-dao-b',
  email: 'lanh.dao.b@example.vn',
  displayName: 'Lãnh đạo B',
});
const leftAgain = testViewer('editor', { id: 'lanh-dao-c', email: 'lanh.dao.c@example.vn' });

const processes: SpawnedApp[] = [];
let sink: SmtpSink;
let reports: Queue;
let events: QueueEvents;
const referralDb = uniqueName('content_report_referral');

/**
 * Another portal process on this file's FerretDB and Redis (database `dbName`), served on the
 * loopback address with the portal's public addresses; stopped after the file.
 */
async function spawnProcess(
  app: string,
  entry: 'main' | 'worker',
  dbName: string,
  env: Record<string, string>,
): Promise<ServingApp> {
  const spawned = await spawnServingApp(app, entry, {
    ...testProcessEnv(dbName, h.prefix),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL,
    WEB_BASE_URL,
    ...env,
  });
  processes.push(spawned);
  return spawned;
}

async function spawnContentWorker(referralUrl: string): Promise<void> {
  await spawnProcess('content', 'worker', h.dbName, {
    REFERRAL_URL: referralUrl,
    // Nothing listens there: those parts are reported missing.
    LIBRARY_URL: `http://127.0.0.1:${await freePort()}`,
    FORUM_URL: `http://127.0.0.1:${await freePort()}`,
    BULLETIN_URL: `http://127.0.0.1:${await freePort()}`,
  });
}

beforeAll(async () => {
  const { redisUrl } = testServices();
  // The referral service's own database: two referrals of the month.
  const referrals = h.conn.useDb(referralDb).collection('referrals');
  const referral = (createdAt: Date, closedAt: Date | null, status: string) => ({
    _id: new Types.ObjectId(),
    trackingCode: `HL-${new Types.ObjectId().toHexString().slice(-8).toUpperCase()}`,
    sourceKey: `direct:${new Types.ObjectId().toHexString()}`,
    source: 'DIRECT',
    status,
    categoryCode: 'DIEN',
    categoryName: 'Điện',
    targetAgency: 'EVNHCMC',
    slaHours: 24,
    slaDueAt: new Date(createdAt.getTime() + 24 * HOUR),
    createdAt,
    updatedAt: closedAt ?? createdAt,
    closedAt,
  });
  const resolved = referral(
    inMonth(10, 9),
    new Date(inMonth(10, 9).getTime() + 10 * HOUR),
    'RESOLVED',
  );
  await referrals.insertMany([
    resolved,
    referral(inMonth(12, 9), null, 'FORWARDED'), // overdue since the 13th
  ]);
  // The closing as the referral service records it: an event (its statistics count events).
  await h.conn
    .useDb(referralDb)
    .collection<Record<string, unknown> & { _id: string }>('referral_events')
    .insertOne({
      _id: `${resolved._id.toHexString()}.2`,
      referralId: resolved._id.toHexString(),
      seq: 2,
      kind: 'STATUS',
      status: 'RESOLVED',
      note: null,
      by: { kind: 'HOTLINE' },
      at: resolved.closedAt!,
      patch: { status: 'RESOLVED', closedAt: resolved.closedAt, updatedAt: resolved.closedAt },
      effects: [],
      effectsQueuedAt: resolved.closedAt,
    });
  // Contributions of the month: A submitted and published, B submitted and returned.
  const reporter = testViewer('contributor', { id: 'phong-vien' });
  const district = testViewer('contributor', { id: 'dau-moi-q1', department: 'UBND-Q1' });
  const a = await createArticle(h, reporter);
  const b = await createArticle(h, district, { sourceUnit: 'UBND-Q1' });
  const revision = (
    id: string,
    version: number,
    action: string,
    at: Date,
    by: string,
    status?: [string, string],
  ) => ({
    articleId: new Types.ObjectId(id),
    version,
    action,
    at,
    by: { id: by, displayName: by },
    changes: status ? [{ field: 'status', from: status[0], to: status[1] }] : [],
    patch: {},
    notifyPending: false,
  });
  await h.services.models.revisions.insertMany([
    revision(a.id, 100, 'SUBMITTED', inMonth(3, 9), 'phong-vien', ['DRAFT', 'IN_REVIEW']),
    revision(a.id, 101, 'PUBLISHED', inMonth(4, 9), 'bien-tap', ['IN_REVIEW', 'PUBLISHED']),
    revision(b.id, 100, 'SUBMITTED', inMonth(5, 9), 'dau-moi-q1', ['DRAFT', 'IN_REVIEW']),
    revision(b.id, 101, 'RETURNED_TO_DRAFT', inMonth(6, 9), 'bien-tap', ['IN_REVIEW', 'DRAFT']),
  ]);

  sink = await new SmtpSink().start();
  await spawnProcess('notifier', 'main', uniqueName('content_report_notifier'), {
    SMTP_URL: sink.smtpUrl,
    EMAIL_RETRY_DELAY_MS: '200',
  });
  const referralProcess = await spawnProcess('referral', 'main', referralDb, {
    HOTLINE_API_KEY: 'test-hotline-api-key-0123456789',
    HOTLINE_CALLBACK_SECRET: 'test-hotline-callback-secret-0123456789abcdef',
  });
  // Two replicas of the content worker, each registering the month-end schedule.
  await spawnContentWorker(referralProcess.url);
  await spawnContentWorker(referralProcess.url);
  reports = new Queue('content-reports', { connection: { url: redisUrl }, prefix: h.prefix });
  events = new QueueEvents('content-reports', { connection: { url: redisUrl }, prefix: h.prefix });
  await events.waitUntilReady();
}, 180_000);

afterAll(async () => {
  await events?.close();
  await reports?.close();
  for (const p of processes.reverse()) await p.stop();
  await sink?.stop();
});

const SUBSCRIBE = 'mutation { subscribeMonthlyReport }';
const UNSUBSCRIBE = 'mutation { unsubscribeMonthlyReport }';
const REPORT =
  'query($month: String!) { monthlyReport(month: $month) { month generatedAt missingParts csv html } }';

/** Runs the month's report job once, as a manual run with the given id, and waits for it. */
async function runJob(id: string) {
  const job = await reports.add('content-reports', { month: MONTH }, { jobId: id, attempts: 1 });
  return job.waitUntilFinished(events, 60_000);
}

describe('the monthly report', () => {
  it('lets editors and admins subscribe and unsubscribe, and nobody else', async () => {
    expect((await h.call(leaderA, SUBSCRIBE)).data?.subscribeMonthlyReport).toBe(true);
    expect((await h.call(leaderB, SUBSCRIBE)).data?.subscribeMonthlyReport).toBe(true);
    expect((await h.call(leaderB, SUBSCRIBE)).data?.subscribeMonthlyReport).toBe(true);
    expect((await h.call(leftAgain, SUBSCRIBE)).data?.subscribeMonthlyReport).toBe(true);
    expect((await h.call(leftAgain, UNSUBSCRIBE)).data?.unsubscribeMonthlyReport).toBe(false);
    expect(
      (await h.call(leftAgain, 'query { monthlyReportSubscribed }')).data?.monthlyReportSubscribed,
    ).toBe(false);
    expect(
      (await h.call(leaderA, 'query { monthlyReportSubscribed }')).data?.monthlyReportSubscribed,
    ).toBe(true);
    expect(errorCodes(await h.call(null, SUBSCRIBE))).toEqual(['UNAUTHENTICATED']);
    for (const role of ['citizen', 'contributor', 'moderator', 'officer'] as const) {
      expect(errorCodes(await h.call(role, SUBSCRIBE))).toEqual(['FORBIDDEN']);
      // Refused before the month is read.
      expect(errorCodes(await h.call(role, REPORT, { month: 'nope' }))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await h.call('editor', REPORT, { month: 'nope' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('registers one month-end schedule however many workers start', async () => {
    const schedulers = await reports.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: MONTHLY_REPORT_SCHEDULE.schedulerId,
      pattern: MONTHLY_REPORT_SCHEDULE.pattern,
      tz: MONTHLY_REPORT_SCHEDULE.tz,
    });
    const delayed = await reports.getDelayed();
    expect(delayed).toHaveLength(1);
    // The next slot: 00:05 on the 1st of next month, city time.
    const next = monthPeriod(monthOf(new Date())).to.getTime() + 5 * 60_000;
    expect(delayed[0]!.timestamp + (delayed[0]!.opts.delay ?? 0)).toBe(next);
    // Its id names the slot, so a replica or a restart adds no second job for it.
    expect(delayed[0]!.id).toBe(`repeat:${MONTHLY_REPORT_SCHEDULE.schedulerId}:${next}`);
  });

  it('builds the report once and e-mails each subscribed leader once, however often it runs', async () => {
    const first = await runJob(jobId('content-monthly-report', MONTH));
    expect(first).toEqual({ built: true, mailed: 2 });
    // The same id again is the same job; another run (a restart, a second worker) builds nothing.
    await reports.add(
      'content-reports',
      { month: MONTH },
      { jobId: jobId('content-monthly-report', MONTH), attempts: 1 },
    );
    expect(await runJob(jobId('content-monthly-report', MONTH, 'again'))).toEqual({
      built: false,
      mailed: 0,
    });
    expect(await h.services.models.monthly.reports.countDocuments({})).toBe(1);

    const mails = await sink.waitFor(2, () => true, 30_000);
    // Nothing more is on its way: the notifier's queues are empty.
    await waitUntil(
      async () => {
        const q = (name: string) =>
          new Queue(name, { connection: { url: h.redisUrl }, prefix: h.prefix });
        const counts = await Promise.all(
          ['notifications', 'notifier-email'].map(async (name) => {
            const queue = q(name);
            const c = await queue.getJobCounts('waiting', 'active', 'delayed');
            await queue.close();
            return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0);
          }),
        );
        return counts.every((n) => n === 0);
      },
      { what: 'the notifier to drain its queues' },
    );
    expect(sink.all()).toHaveLength(2);
    expect(mails.map((m) => m.envelopeTo).sort()).toEqual([
      ['lanh.dao.a@example.vn'],
      ['lanh.dao.b@example.vn'],
    ]);
    const [, m] = MONTH.split('-');
    for (const mail of mails) {
      expect(mail.subject).toBe(
        `Báo cáo hoạt động Cổng thông tin Chuyển đổi số tháng ${Number(m)}/${MONTH.slice(0, 4)}`,
      );
      expect(mail.text).toContain('Phản ánh chuyển Tổng đài 1022: 2');
      expect(mail.text).toContain('Tỷ lệ phản ánh xử lý đúng hạn: 50.0 %');
      expect(mail.text).toContain('Bài viết được đăng: 1');
      expect(mail.text).toContain(`${WEB_BASE_URL}/quan-tri/bao-cao/${MONTH}/csv`);
    }

    const res = await h.call('editor', REPORT, { month: MONTH });
    expect(res.errors).toBeUndefined();
    const report = res.data?.monthlyReport;
    expect(report.month).toBe(MONTH);
    expect(report.missingParts).toEqual(['bulletin', 'forum', 'library']);
    const rows = (report.csv as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('"month","part","metric","value"');
    const row = (part: string, metric: string, value: string) =>
      `"${MONTH}","${part}","${metric}","${value}"`;
    for (const expected of [
      row('contributions', 'submitted', '2'),
      row('contributions', 'published', '1'),
      row('contributions', 'returned', '1'),
      row('contributions', 'byRole[DISTRICT_FOCAL_POINT].returned', '1'),
      row('referrals', 'received', '2'),
      row('referrals', 'resolved', '1'),
      row('referrals', 'overdue', '1'),
      row('referrals', 'slaMetShare', '0.5'),
      row('referrals', 'medianHoursToResolution', '10'),
      row('referrals', 'byAgency[EVNHCMC].closedWithinSla', '1'),
      row('forum', '(not available)', ''),
    ])
      expect(rows).toContain(expected);
    expect(report.html).toContain('<h2>referrals</h2>');
    expect(report.html).toMatch(/^<!doctype html>/);
    expect(
      (await h.call('editor', 'query { monthlyReports { month missingParts } }')).data
        ?.monthlyReports,
    ).toEqual([{ month: MONTH, missingParts: ['bulletin', 'forum', 'library'] }]);
  }, 120_000);
});
