import { Link } from 'react-router';
import { ReferralsDocument, ReferralStatus } from '../../__generated__/graphql';
import { FilterFields, FilterForm } from '../../components/list-filters';
import { DataTable, DateText, NextPage } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { CASEWORK_ROLES, statusFilter } from '../../lib/staff';
import type { Route } from './+types/referrals';

const FILTERS = { status: statusFilter(Object.values(ReferralStatus)) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, CASEWORK_ROLES);
  const query = listQuery(request);
  const { status } = query.filters(FILTERS);
  const overdue = query.params.get('qua-han') === '1' ? true : undefined;
  const data = await loadOrThrow(
    context,
    ReferralsDocument,
    definedOnly({ status, overdue, after: query.after }),
    token,
  );
  return { status, overdue: !!overdue, referrals: data.referrals };
}

export default function Referrals({ loaderData }: Route.ComponentProps) {
  const { status, overdue, referrals } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Phản ánh chuyển Tổng đài 1022', 'Hotline referrals')}</h1>
      <FilterForm>
        <FilterFields filters={FILTERS} chosen={{ status }} />
        <div className="radio">
          <input id="od" type="checkbox" name="qua-han" value="1" defaultChecked={overdue} />
          <label htmlFor="od">{l('Chỉ quá hạn', 'Overdue only')}</label>
        </div>
      </FilterForm>
      <DataTable
        caption={l('Phản ánh', 'Referrals')}
        columns={[
          l('Mã', 'Code'),
          l('Trạng thái', 'Status'),
          l('Cơ quan', 'Agency'),
          l('Hạn xử lý', 'Due'),
          l('Chủ đề', 'Thread'),
        ]}
      >
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
      </DataTable>
      <NextPage page={referrals} />
    </div>
  );
}
