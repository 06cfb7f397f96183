// One month's report for leaders (issue 21), live from portalStats (each part from the subgraph
// that owns it, by week as the month-end report is): audience of every section, forum
// participation and answers, 1022 referrals, contributions, the bulletin. Printable; the CSV
// the content worker built at month end is linked once it exists.
import { Link } from 'react-router';
import {
  MonthlyReportsDocument,
  PortalContributionStatsDocument,
  PortalReferralStatsDocument,
  PortalStatsDocument,
  type PortalStatsQuery,
} from '../../__generated__/graphql';
import { loadOrThrow, runOperation } from '../../lib/graphql.server';
import { formatDate, formatShare, type Lang } from '../../lib/i18n';
import { staffMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { monthPeriod } from '../../lib/report-month';
import { requireViewer } from '../../lib/session.server';
import { REPORT_ROLES } from '../../lib/staff';
import { ScrollTable, Section } from '../../components/ui';
import type { Route } from './+types/report';

type Stats = NonNullable<PortalStatsQuery['portalStats']>;
type Audience = Stats['articles'];
/** What the report shows of referrals closed, by agency or by category. */
interface SlaFigures {
  closed: number;
  closedWithinSla: number;
  overdue: number;
  slaMetShare: number | null;
  medianHoursToResolution: number | null;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, REPORT_ROLES);
  const month = params.month;
  const period = monthPeriod(month);
  if (!period) throw new Response('not found', { status: 404 });
  const variables = { ...period, granularity: 'WEEK' as const };
  const [stats, referrals, contributions, reports] = await Promise.all([
    loadOrThrow(context, PortalStatsDocument, variables, token),
    runOperation(context, PortalReferralStatsDocument, variables, token),
    runOperation(context, PortalContributionStatsDocument, variables, token),
    runOperation(context, MonthlyReportsDocument, {}, token),
  ]);
  if (!stats.portalStats) throw new Response('not found', { status: 404 });
  return {
    month,
    stats: stats.portalStats,
    referrals: referrals.ok ? (referrals.data.portalStats?.referrals ?? null) : null,
    contributions: contributions.ok
      ? (contributions.data.portalStats?.contributions ?? null)
      : null,
    report: reports.ok
      ? ((reports.data.monthlyReports ?? []).find((r) => r.month === month) ?? null)
      : null,
  };
}

export const meta: Route.MetaFunction = staffMeta(
  (l, data) => `${l('Báo cáo tháng', 'Monthly report')} ${data?.month ?? ''}`,
);

const hours = (h: number | null) => (h == null ? '—' : h.toFixed(1));
const share = (lang: Lang, s: number | null) => (s == null ? '—' : formatShare(lang, s));

export default function Report({ loaderData }: Route.ComponentProps) {
  const { month, stats, referrals, contributions, report } = loaderData;
  const { lang, l } = usePortal();
  const sections: [string, Audience][] = [
    [l('Tin bài', 'Articles'), stats.articles],
    [l('Thư viện', 'Library'), stats.libraryItems],
    [l('Diễn đàn', 'Forum threads'), stats.forumThreads],
    [l('Bản tin', 'Bulletin issues'), stats.bulletinIssues],
  ];
  /** One row per value of a breakdown (device, region, referrer), one column per section. */
  const breakdown = (of: (a: Audience) => { value: string; views: number; share: number }[]) => {
    const values = [...new Set(sections.flatMap(([, a]) => of(a).map((b) => b.value)))];
    return values.map((value) => [
      value,
      ...sections.map(([, a]) => {
        const row = of(a).find((b) => b.value === value);
        return row ? `${row.views} (${formatShare(lang, row.share)})` : '0';
      }),
    ]);
  };
  const week = (from: string) => formatDate(lang, from);
  /** Referrals closed by agency or by category: the same columns after the first. */
  const slaHead = (first: string) => [
    first,
    l('Đã đóng', 'Closed'),
    l('Đúng hạn', 'Within SLA'),
    l('Quá hạn', 'Overdue'),
    l('Tỷ lệ đúng hạn', 'SLA met'),
    l('Trung vị (giờ)', 'Median (hours)'),
  ];
  const slaRow = (name: string, r: SlaFigures) => [
    name,
    r.closed,
    r.closedWithinSla,
    r.overdue,
    share(lang, r.slaMetShare),
    hours(r.medianHoursToResolution),
  ];
  /** Contributions by unit or by role: the same columns after the first. */
  const contributionHead = (first: string) => [
    first,
    l('Gửi duyệt', 'Submitted'),
    l('Đã đăng', 'Published'),
    l('Trả lại', 'Returned'),
  ];
  const forum = stats.forumParticipation;
  const subscribers = stats.bulletinSubscribers;
  return (
    <div className="report">
      <p className="breadcrumb no-print">
        <Link to="/quan-tri/bao-cao">{l('Báo cáo tháng', 'Monthly reports')}</Link>
      </p>
      <h1>
        {l('Báo cáo tháng', 'Monthly report')} {month}
      </h1>
      <p className="meta">
        {formatDate(lang, stats.from)} –{' '}
        {formatDate(lang, new Date(Date.parse(stats.to) - 1).toISOString())}
        {' · '}
        {l('Cổng thông tin Chuyển đổi số TP.HCM', 'HCMC Digital Transformation portal')}
      </p>
      <p className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {l('In báo cáo', 'Print')}
        </button>
        {report ? (
          <a href={`/quan-tri/bao-cao/${month}/csv`} download data-testid="report-csv">
            {l('Tải báo cáo CSV', 'Download the CSV report')}
          </a>
        ) : (
          <span>
            {l(
              'Báo cáo CSV được lập sau khi tháng kết thúc.',
              'The CSV report is built once the month has ended.',
            )}
          </span>
        )}
      </p>

      <Section headingId="h-audience" title={l('Lượt truy cập', 'Audience')}>
        <ScrollTable
          testId="report-audience"
          caption={l('Lượt xem theo chuyên mục', 'Views by section')}
          head={[
            l('Chuyên mục', 'Section'),
            l('Lượt xem', 'Views'),
            l('Người đọc (ước tính)', 'Readers (approx.)'),
            l('Đã đăng nhập', 'Signed in'),
            l('Ẩn danh', 'Anonymous'),
          ]}
          rows={sections.map(([name, a]) => [
            name,
            a.views,
            a.uniqueReaders,
            a.signedInViews,
            a.anonymousViews,
          ])}
        />
        <ScrollTable
          caption={l('Tin bài theo loại', 'Articles by kind')}
          head={[l('Loại', 'Kind'), l('Lượt xem', 'Views'), l('Người đọc', 'Readers')]}
          rows={stats.articlesByKind.map((k) => [k.kind, k.views, k.uniqueReaders])}
        />
        {(
          [
            [
              l('Thiết bị', 'Devices'),
              (a: Audience) => a.byDevice.map((b) => ({ ...b, value: b.device })),
            ],
            [
              l('Khu vực', 'Regions'),
              (a: Audience) => a.byRegion.map((b) => ({ ...b, value: b.region })),
            ],
            [
              l('Nguồn truy cập', 'Referrers'),
              (a: Audience) => a.byReferrer.map((b) => ({ ...b, value: b.referrer })),
            ],
          ] as const
        ).map(([caption, of]) => (
          <ScrollTable
            key={caption}
            caption={caption}
            head={[caption, ...sections.map(([name]) => name)]}
            rows={breakdown(of)}
          />
        ))}
        <ScrollTable
          caption={l('Lượt xem theo tuần', 'Views per week')}
          head={[l('Tuần từ', 'Week from'), ...sections.map(([name]) => name)]}
          rows={stats.articles.series.map((s, i) => [
            week(s.from),
            ...sections.map(([, a]) => a.series[i]?.views ?? 0),
          ])}
        />
      </Section>

      <Section headingId="h-forum" title={l('Diễn đàn', 'Forum')}>
        <p data-testid="report-forum">
          {l('Chủ đề mới', 'New threads')}: <strong>{forum.threads}</strong> ·{' '}
          {l('Đã trả lời chính thức', 'Officially answered')}: <strong>{forum.answered}</strong> (
          {formatShare(lang, forum.answeredShare)})
        </p>
        <ScrollTable
          caption={l('Chủ đề theo tuần', 'Threads per week')}
          head={[
            l('Tuần từ', 'Week from'),
            l('Hiến kế', 'Proposals'),
            l('Câu hỏi', 'Questions'),
            l('Góp ý', 'Feedback'),
            l('Thảo luận', 'Discussions'),
          ]}
          rows={forum.series.map((s) => [
            week(s.from),
            s.proposals,
            s.questions,
            s.feedback,
            s.discussions,
          ])}
        />
        <ScrollTable
          caption={l('Trả lời theo sở, ngành', 'Answers by department')}
          head={[
            l('Đơn vị', 'Department'),
            l('Đã trả lời', 'Answered'),
            l('Trung vị (giờ)', 'Median (hours)'),
            l('P90 (giờ)', 'P90 (hours)'),
            l('Đang mở', 'Open'),
            l('Quá hạn', 'Overdue'),
          ]}
          rows={forum.departments.map((d) => [
            d.department,
            d.answered,
            hours(d.medianHoursToAnswer),
            hours(d.p90HoursToAnswer),
            d.open,
            d.overdue,
          ])}
        />
      </Section>

      <Section headingId="h-referrals" title={l('Phản ánh chuyển 1022', 'Referrals to 1022')}>
        {referrals ? (
          <>
            <p data-testid="report-referrals">
              {l('Tiếp nhận', 'Received')}: <strong>{referrals.received}</strong> ·{' '}
              {l('Đã chuyển', 'Forwarded')}: {referrals.forwarded} ·{' '}
              {l('Đã giải quyết', 'Resolved')}: {referrals.resolved} · {l('Từ chối', 'Rejected')}:{' '}
              {referrals.rejected} · {l('Đúng hạn', 'Within SLA')}:{' '}
              {share(lang, referrals.slaMetShare)} · {l('Trung vị (giờ)', 'Median (hours)')}:{' '}
              {hours(referrals.medianHoursToResolution)}
            </p>
            <ScrollTable
              caption={l('Theo cơ quan', 'By agency')}
              head={slaHead(l('Cơ quan', 'Agency'))}
              rows={referrals.byAgency.map((a) => slaRow(a.agency, a))}
            />
            <ScrollTable
              caption={l('Theo lĩnh vực', 'By category')}
              head={slaHead(l('Lĩnh vực', 'Category'))}
              rows={referrals.byCategory.map((c) => slaRow(c.categoryName, c))}
            />
          </>
        ) : (
          <p>{l('Không lấy được số liệu phản ánh.', 'The referral figures are not available.')}</p>
        )}
      </Section>

      <Section headingId="h-contributions" title={l('Đóng góp tin bài', 'Contributions')}>
        {contributions ? (
          <>
            <p data-testid="report-contributions">
              {l('Gửi duyệt', 'Submitted')}: <strong>{contributions.submitted}</strong> ·{' '}
              {l('Đã đăng', 'Published')}: <strong>{contributions.published}</strong> ·{' '}
              {l('Trả lại', 'Returned')}: {contributions.returned}
            </p>
            <ScrollTable
              caption={l('Theo đơn vị', 'By unit')}
              head={contributionHead(l('Đơn vị', 'Unit'))}
              rows={contributions.byUnit.map((u) => [
                u.unitName ?? u.unit ?? '—',
                u.submitted,
                u.published,
                u.returned,
              ])}
            />
            <ScrollTable
              caption={l('Theo vai trò', 'By role')}
              head={contributionHead(l('Vai trò', 'Role'))}
              rows={contributions.byRole.map((r) => [r.role, r.submitted, r.published, r.returned])}
            />
          </>
        ) : (
          <p>
            {l('Không lấy được số liệu đóng góp.', 'The contribution figures are not available.')}
          </p>
        )}
      </Section>

      <Section headingId="h-bulletin" title={l('Bản tin', 'Bulletin')}>
        <p data-testid="report-bulletin">
          {l('Người đăng ký đầu tháng', 'Subscribers at the start')}:{' '}
          {subscribers.subscribersAtStart} · {l('cuối tháng', 'at the end')}:{' '}
          <strong>{subscribers.subscribersAtEnd}</strong> · {l('Xác nhận', 'Confirmations')}:{' '}
          {subscribers.confirmations} · {l('Hủy đăng ký', 'Unsubscribes')}:{' '}
          {subscribers.unsubscribes} · {l('Lượt nghe bản đọc', 'Read-aloud plays')}:{' '}
          {stats.bulletinAudioOpens.views}
        </p>
      </Section>
    </div>
  );
}
