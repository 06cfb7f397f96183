import { collectionSchema, list, modelOn, nullable, required } from '@portal/db';
import type { Connection, Model } from 'mongoose';

/** The portal's report for one city month, built once (`_id` is the month: the claim). */
export type MonthlyReportDoc = {
  /** "2025-11". */
  _id: string;
  generatedAt: Date;
  csv: string;
  html: string;
  /** Parts a subgraph could not give (the report says so in its text). */
  missingParts: string[];
  /** Set once the leaders' e-mail jobs are queued (a crash before that is finished by a rerun). */
  mailedAt: Date | null;
};

const MonthlyReportSchema = collectionSchema<MonthlyReportDoc>('monthly_reports', {
  _id: required(String),
  generatedAt: required(Date),
  csv: required(String),
  html: required(String),
  missingParts: list(String),
  mailedAt: nullable(Date),
});

/** A leader who receives the monthly report (an editor or admin, by their own choice). */
export type ReportSubscriptionDoc = {
  /** The person's subject id. */
  _id: string;
  email: string;
  name: string | null;
  subscribedAt: Date;
};

const ReportSubscriptionSchema = collectionSchema<ReportSubscriptionDoc>('report_subscriptions', {
  _id: required(String),
  email: required(String),
  name: nullable(String),
  subscribedAt: required(Date),
});

/** A report's listing entry (without its text). */
export type MonthlyReportInfoDoc = Pick<MonthlyReportDoc, '_id' | 'generatedAt' | 'missingParts'>;

export interface MonthlyReportModels {
  reports: Model<MonthlyReportDoc>;
  subscriptions: Model<ReportSubscriptionDoc>;
}

export function monthlyReportModels(conn: Connection): MonthlyReportModels {
  return {
    reports: modelOn<MonthlyReportDoc>(conn, 'MonthlyReport', MonthlyReportSchema),
    subscriptions: modelOn<ReportSubscriptionDoc>(
      conn,
      'ReportSubscription',
      ReportSubscriptionSchema,
    ),
  };
}
