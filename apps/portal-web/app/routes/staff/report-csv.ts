// The monthly report's CSV as the content worker built it at month end (`monthlyReport.csv`),
// downloaded through the portal so the editor's token stays on the server.
import { MonthlyReportDocument } from '../../__generated__/graphql';
import { loadOrThrow, orNotFound } from '../../lib/graphql.server';
import { monthPeriod } from '../../lib/report-month';
import { requireViewer } from '../../lib/session.server';
import { REPORT_ROLES } from '../../lib/staff';
import type { Route } from './+types/report-csv';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, REPORT_ROLES);
  const month = params.month;
  if (!monthPeriod(month)) throw new Response('not found', { status: 404 });
  const data = await loadOrThrow(context, MonthlyReportDocument, { month }, token);
  return new Response(orNotFound(data.monthlyReport).csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="bao-cao-cds-${month}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
