import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { ReferralsDocument, type ReferralStatus } from '../../__generated__/graphql';
import { DateText, NextPage } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { useL } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';

const STATUSES: ReferralStatus[] = [
  'RECEIVED',
  'FORWARDED',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'RESOLVED',
  'REJECTED',
  'FAILED',
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token } = await requireViewer(request, context, ['moderator', 'officer', 'admin']);
  const params = new URL(request.url).searchParams;
  const status = STATUSES.find((s) => s === params.get('trang-thai'));
  const overdue = params.get('qua-han') === '1' ? true : undefined;
  const after = params.get('sau') || undefined;
  const data = await loadOrThrow(
    context,
    ReferralsDocument,
    { ...(status ? { status } : {}), ...(overdue ? { overdue } : {}), ...(after ? { after } : {}) },
    token,
  );
  return { status, overdue: !!overdue, referrals: data.referrals };
}

export default function Referrals() {
  const { status, overdue, referrals } = useLoaderData<typeof loader>();
  const l = useL();
  return (
    <div>
      <h1>{l('Phản ánh chuyển Tổng đài 1022', 'Hotline referrals')}</h1>
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="st">{l('Trạng thái', 'Status')}</label>
          <select id="st" name="trang-thai" defaultValue={status ?? ''}>
            <option value="">{l('Tất cả', 'All')}</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="radio">
          <input id="od" type="checkbox" name="qua-han" value="1" defaultChecked={overdue} />
          <label htmlFor="od">{l('Chỉ quá hạn', 'Overdue only')}</label>
        </div>
        <button type="submit">{l('Lọc', 'Filter')}</button>
      </form>
      <table className="table">
        <caption className="visually-hidden">{l('Phản ánh', 'Referrals')}</caption>
        <thead>
          <tr>
            <th scope="col">{l('Mã', 'Code')}</th>
            <th scope="col">{l('Trạng thái', 'Status')}</th>
            <th scope="col">{l('Cơ quan', 'Agency')}</th>
            <th scope="col">{l('Hạn xử lý', 'Due')}</th>
            <th scope="col">{l('Chủ đề', 'Thread')}</th>
          </tr>
        </thead>
        <tbody>
          {(referrals?.nodes ?? []).map((r) => (
            <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
              <td>
                <Link to={`/quan-tri/phan-anh/${r.id}`}>{r.trackingCode}</Link>
              </td>
              <td>
                {r.status}
                {r.overdue && <strong> {l('(quá hạn)', '(overdue)')}</strong>}
              </td>
              <td>{r.targetAgency}</td>
              <td>
                <DateText iso={r.slaDueAt} />
              </td>
              <td>
                {r.thread ? <Link to={`/dien-dan/${r.thread.id}`}>{r.thread.title}</Link> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NextPage cursor={referrals?.pageInfo.hasNextPage ? referrals.pageInfo.endCursor : null} />
    </div>
  );
}
