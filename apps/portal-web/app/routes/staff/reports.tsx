// The monthly reports for leaders (issue 21): every month of the last year, with the live
// figures on the month's page and, once the content worker built it at month end, its CSV.
import { Link } from 'react-router';
import { MonthlyReportsDocument } from '../../__generated__/graphql';
import { DataTable, DateText } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { staffMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { recentMonths } from '../../lib/report-month';
import { requireViewer } from '../../lib/session.server';
import { REPORT_ROLES } from '../../lib/staff';
import type { Route } from './+types/reports';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, REPORT_ROLES);
  const data = await loadOrThrow(context, MonthlyReportsDocument, {}, token);
  const built = new Map((data.monthlyReports ?? []).map((r) => [r.month, r]));
  const months = [...new Set([...recentMonths(new Date(), 12), ...built.keys()])].sort().reverse();
  return { months: months.map((month) => ({ month, report: built.get(month) ?? null })) };
}

export const meta: Route.MetaFunction = staffMeta((l) => l('Báo cáo tháng', 'Monthly reports'));

export default function Reports({ loaderData }: Route.ComponentProps) {
  const { months } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Báo cáo tháng', 'Monthly reports')}</h1>
      <p>
        {l(
          'Số liệu của từng tháng: lượt xem, diễn đàn, phản ánh 1022, đóng góp tin bài và bản tin. Báo cáo chính thức (CSV) được lập sau khi tháng kết thúc.',
          "Each month's figures: audience, forum, 1022 referrals, contributions and the bulletin. The official report (CSV) is built once the month has ended.",
        )}
      </p>
      <DataTable
        testId="report-months"
        caption={l('Các tháng', 'Months')}
        columns={[l('Tháng', 'Month'), l('Báo cáo đã lập', 'Report built')]}
      >
        {months.map(({ month, report }) => (
          <tr key={month}>
            <th scope="row">
              <Link to={`/quan-tri/bao-cao/${month}`}>{month}</Link>
            </th>
            <td>
              {report ? (
                <>
                  <DateText iso={report.generatedAt} /> ·{' '}
                  <a href={`/quan-tri/bao-cao/${month}/csv`} download>
                    CSV
                  </a>
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
