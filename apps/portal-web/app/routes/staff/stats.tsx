import { ContentStatsDocument } from '../../__generated__/graphql';
import { DataTable } from '../../components/ui';
import { loadOrThrow, runOperation } from '../../lib/graphql.server';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { EDITOR_ROLES } from '../../lib/staff';
import type { Route } from './+types/stats';

const DAYS = 14;
const DAY_MS = 86_400_000;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, EDITOR_ROLES);
  // Days in the city's time zone (UTC+7), the last one being today.
  const offset = 7 * 3600_000;
  const today = Math.floor((Date.now() + offset) / DAY_MS) * DAY_MS - offset;
  const from = new Date(today - (DAYS - 1) * DAY_MS).toISOString();
  const to = new Date(today + DAY_MS).toISOString();
  const [period, ...days] = await Promise.all([
    loadOrThrow(context, ContentStatsDocument, { from, to }, token),
    ...Array.from({ length: DAYS }, (_, i) =>
      runOperation(
        context,
        ContentStatsDocument,
        {
          from: new Date(today - (DAYS - 1 - i) * DAY_MS).toISOString(),
          to: new Date(today - (DAYS - 2 - i) * DAY_MS).toISOString(),
        },
        token,
      ),
    ),
  ]);
  return {
    stats: period.contentStats,
    perDay: days.map((d, i) => ({
      day: new Date(today - (DAYS - 1 - i) * DAY_MS + offset).toISOString().slice(5, 10),
      views: d.ok ? (d.data.contentStats?.totalViews ?? 0) : 0,
    })),
  };
}

/** Views per day as an SVG bar chart, with the numbers in a table for screen readers. */
function DayChart({ perDay, label }: { perDay: { day: string; views: number }[]; label: string }) {
  const max = Math.max(1, ...perDay.map((d) => d.views));
  const w = 28;
  const h = 120;
  return (
    <svg
      viewBox={`0 0 ${perDay.length * w} ${h + 20}`}
      role="img"
      aria-label={label}
      className="chart"
    >
      {perDay.map((d, i) => {
        const bh = Math.round((d.views / max) * h);
        return (
          <g key={d.day}>
            <rect x={i * w + 4} y={h - bh} width={w - 8} height={bh} fill="#0b4f8a" />
            <text x={i * w + w / 2} y={h + 14} fontSize="8" textAnchor="middle" fill="#333">
              {d.day.slice(3)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default function Stats({ loaderData }: Route.ComponentProps) {
  const { stats, perDay } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Thống kê truy cập', 'Statistics')}</h1>
      <p>
        {l('Tổng lượt xem 14 ngày', 'Views in 14 days')}:{' '}
        <strong data-testid="total-views">{stats?.totalViews ?? 0}</strong>
      </p>
      <h2>{l('Lượt xem theo ngày', 'Views per day')}</h2>
      <DayChart perDay={perDay} label={l('Biểu đồ lượt xem theo ngày', 'Chart of views per day')} />
      <DataTable
        caption={l('Lượt xem theo ngày', 'Views per day')}
        columns={[l('Ngày', 'Day'), l('Lượt xem', 'Views')]}
      >
        {perDay.map((d) => (
          <tr key={d.day}>
            <td>{d.day}</td>
            <td>{d.views}</td>
          </tr>
        ))}
      </DataTable>
      <h2>{l('Thiết bị', 'Devices')}</h2>
      <ul>
        {(stats?.byDevice ?? []).map((d) => (
          <li key={d.device}>
            {d.device}: {d.views} ({Math.round(d.share * 100)} %)
          </li>
        ))}
      </ul>
      <h2>{l('Bài được xem nhiều', 'Most read')}</h2>
      <ol>
        {(stats?.topArticles ?? []).map((a, i) => (
          <li key={a.article?.id ?? i}>
            {a.article?.title ?? '—'}: {a.views}
          </li>
        ))}
      </ol>
    </div>
  );
}
