import { UnrecoverableError } from 'bullmq';
import type { Logger } from '@portal/logger';
import type { Processor } from '@portal/queue';
import type { MonthlyReportService } from '../reports/monthly-report.service';
import type { PortalStatsSource } from '../reports/portal-stats-source';
import { monthBefore, monthOf } from '../reports/report-period';

/** The month-end schedule: 00:05 on the 1st, city time, reporting on the month just ended. */
export const MONTHLY_REPORT_SCHEDULE = {
  schedulerId: 'content-monthly-report',
  pattern: '5 0 1 * *',
  tz: 'Asia/Ho_Chi_Minh',
} as const;

/**
 * Builds and mails the monthly report. A scheduled job (month null) reports on the month
 * before its slot time; the report is built once per month (see MonthlyReportService.run).
 * While a subgraph cannot answer, the job fails and BullMQ retries it with backoff; the last
 * attempt builds the report with the missing parts marked.
 */
export function createReportsProcessor(deps: {
  reports: MonthlyReportService;
  source: PortalStatsSource;
  logger: Logger;
  now?: () => Date;
}): Processor<'content-reports'> {
  const log = deps.logger.child({ module: 'content-reports' });
  return async ({ month }, job) => {
    const slot = new Date(job.timestamp + (job.opts.delay ?? 0));
    const target = month ?? monthBefore(slot);
    if (target >= monthOf(deps.now?.() ?? new Date()))
      throw new UnrecoverableError(`the month ${target} has not ended yet`);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await deps.reports.run(target, deps.source, { allowMissing: lastAttempt });
    log.info({ month: target, ...result }, 'monthly report job done');
    return result;
  };
}
