import { requireRole, type Viewer } from '@portal/auth';
import { webPages } from '@portal/config';
import { insertOnce } from '@portal/db';
import { badInput } from '@portal/errors';
import { parseArgs } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import { jobId, type Producer } from '@portal/queue';
import { z } from 'zod';
import type { MonthlyReportDoc, MonthlyReportModels } from '../models/monthly-report.model';
import type { PortalStatsSource } from './portal-stats-source';
import { monthPeriod } from './report-period';
import { reportCsv, reportHtml, reportRows, type ReportParts } from './report-render';

/** Recipients per notification job (the notifier's limit is 1000). */
const RECIPIENTS_PER_JOB = 500;

const monthArgs = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, e.g. 2025-11'),
});

export class MissingPartsError extends Error {
  constructor(readonly parts: string[]) {
    super(`portal statistics parts not available: ${parts.join(', ')}`);
  }
}

/** The monthly report for leaders: built once per month, stored, and mailed to subscribers. */
export class MonthlyReportService {
  private readonly log: Logger;

  constructor(
    private readonly deps: {
      models: MonthlyReportModels;
      notifications: Producer<'notifications'>;
      webBaseUrl: string;
      logger: Logger;
      now?: () => Date;
    },
  ) {
    this.log = deps.logger.child({ module: 'monthly-report' });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  // Every use case for people is for editors and admins, checked before the input is read;
  // the month-end run (`run`) is the worker's and has no viewer.

  /** Subscribes the signed-in editor or admin (their e-mail from the identity provider). */
  async subscribe(viewer: Viewer): Promise<boolean> {
    requireRole(viewer, 'editor');
    if (!viewer.email) throw badInput('email', 'your account has no e-mail address to send to');
    await this.deps.models.subscriptions
      .updateOne(
        { _id: viewer.id },
        {
          $set: { email: viewer.email, name: viewer.displayName ?? null },
          $setOnInsert: { subscribedAt: this.now() },
        },
        { upsert: true },
      )
      .exec();
    return true;
  }

  async unsubscribe(viewer: Viewer): Promise<boolean> {
    requireRole(viewer, 'editor');
    await this.deps.models.subscriptions.deleteOne({ _id: viewer.id }).exec();
    return false;
  }

  async isSubscribed(viewer: Viewer): Promise<boolean> {
    requireRole(viewer, 'editor');
    return (await this.deps.models.subscriptions.countDocuments({ _id: viewer.id }).exec()) > 0;
  }

  /** A stored report; `month` as the caller gave it (BAD_USER_INPUT on `month` unless YYYY-MM). */
  async report(viewer: Viewer, month: unknown): Promise<MonthlyReportDoc | null> {
    requireRole(viewer, 'editor');
    return this.find(parseArgs(monthArgs, { month }).month);
  }

  /** The latest stored reports, newest first. */
  async reports(
    viewer: Viewer,
    limit = 24,
  ): Promise<Pick<MonthlyReportDoc, '_id' | 'generatedAt' | 'missingParts'>[]> {
    requireRole(viewer, 'editor');
    return this.deps.models.reports
      .find({}, { _id: 1, generatedAt: 1, missingParts: 1 })
      .sort({ _id: -1 })
      .limit(limit)
      .lean<MonthlyReportDoc[]>()
      .exec();
  }

  private find(month: string): Promise<MonthlyReportDoc | null> {
    return this.deps.models.reports.findById(month).lean<MonthlyReportDoc>().exec();
  }

  /**
   * Builds the month's report unless it exists (the insert under `_id = month` is the claim:
   * a second run, another worker or a restart finds it and builds nothing), then queues the
   * e-mails unless they were queued: one notification id per month, so the notifier delivers
   * once per leader however often this runs.
   */
  async run(
    month: string,
    source: PortalStatsSource,
    options: { allowMissing: boolean },
  ): Promise<{ built: boolean; mailed: number }> {
    let report = await this.find(month);
    let built = false;
    if (!report) {
      const { parts, missing } = await source.read({ ...monthPeriod(month), granularity: 'WEEK' });
      if (missing.length && !options.allowMissing) throw new MissingPartsError(missing);
      const generatedAt = this.now();
      const rows = reportRows(parts as ReportParts);
      const doc: MonthlyReportDoc = {
        _id: month,
        generatedAt,
        csv: reportCsv(month, rows),
        html: reportHtml(month, generatedAt, rows),
        missingParts: missing,
        mailedAt: null,
      };
      built = await insertOnce(this.deps.models.reports, doc);
      report = built ? doc : await this.find(month);
      if (built) this.log.info({ month, missing }, 'monthly report built');
    }
    if (!report || report.mailedAt) return { built, mailed: 0 };
    const mailed = await this.mail(report);
    await this.deps.models.reports
      .updateOne({ _id: month }, { $set: { mailedAt: this.now() } })
      .exec();
    return { built, mailed };
  }

  private async mail(report: MonthlyReportDoc): Promise<number> {
    const leaders = await this.deps.models.subscriptions.find({}).sort({ _id: 1 }).lean().exec();
    const pages = webPages(this.deps.webBaseUrl);
    const reportUrl = pages.monthlyReport(report._id);
    const csvUrl = pages.monthlyReportCsv(report._id);
    const headlines = headlineFigures(report.csv);
    for (let i = 0; i < leaders.length; i += RECIPIENTS_PER_JOB) {
      const batch = leaders.slice(i, i + RECIPIENTS_PER_JOB);
      await this.deps.notifications.enqueue(
        {
          kind: 'email',
          notificationId: `portal-monthly-report.${report._id}`,
          recipients: batch.map((l) => ({
            id: l._id,
            email: l.email,
            ...(l.name ? { name: l.name } : {}),
          })),
          message: {
            template: 'portal.monthly-report',
            data: { month: report._id, reportUrl, csvUrl, headlines },
          },
        },
        // The first leader of the batch names it: a rerun with the same subscribers adds nothing.
        { jobId: jobId('portal-monthly-report', report._id, batch[0]!._id.replace(/[:.]/g, '_')) },
      );
    }
    return leaders.length;
  }
}

const HEADLINES: [string, string, string][] = [
  ['articles', 'views', 'Lượt xem bài viết'],
  ['contributions', 'published', 'Bài viết được đăng'],
  ['forumParticipation', 'threads', 'Chủ đề diễn đàn mới'],
  ['referrals', 'received', 'Phản ánh chuyển Tổng đài 1022'],
  ['referrals', 'slaMetShare', 'Tỷ lệ phản ánh xử lý đúng hạn'],
];

/** A few figures for the e-mail, read back from the stored CSV rows. */
function headlineFigures(csv: string): { label: string; value: string }[] {
  const cells = new Map<string, string>();
  for (const line of csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1)) {
    const m = /^"[^"]*","([^"]*)","([^"]*)","([^"]*)"$/.exec(line);
    if (m) cells.set(`${m[1]}|${m[2]}`, m[3]!);
  }
  return HEADLINES.flatMap(([part, metric, label]) => {
    const value = cells.get(`${part}|${metric}`);
    if (value === undefined || value === '') return [];
    return [
      { label, value: metric.endsWith('Share') ? `${(Number(value) * 100).toFixed(1)} %` : value },
    ];
  });
}
