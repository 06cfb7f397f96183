import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

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

const MonthlyReportSchema = new Schema<MonthlyReportDoc>(
  {
    _id: { type: String, required: true },
    generatedAt: { type: Date, required: true },
    csv: { type: String, required: true },
    html: { type: String, required: true },
    missingParts: { type: [String], default: [] },
    mailedAt: { type: Date, default: null },
  },
  { collection: 'monthly_reports', versionKey: false },
);

/** A leader who receives the monthly report (an editor or admin, by their own choice). */
export type ReportSubscriptionDoc = {
  /** The person's subject id. */
  _id: string;
  email: string;
  name: string | null;
  subscribedAt: Date;
};

const ReportSubscriptionSchema = new Schema<ReportSubscriptionDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, default: null },
    subscribedAt: { type: Date, required: true },
  },
  { collection: 'report_subscriptions', versionKey: false },
);

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
