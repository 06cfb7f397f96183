import { Link } from 'react-router';
import { usePortal } from '../../lib/portal-data';
import { consoleSectionsFor } from '../../lib/staff';
import type { Route } from './+types/dashboard';

export const meta: Route.MetaFunction = () => [
  { title: 'Quản trị | Cổng thông tin Chuyển đổi số TP.HCM' },
];

export default function Dashboard() {
  const { l, viewer } = usePortal();
  const mine = consoleSectionsFor(viewer);
  return (
    <div>
      <h1>{l('Trang quản trị', 'Staff console')}</h1>
      <ul className="cards">
        {mine.map((s) => (
          <li key={s.path} className="card">
            <Link to={s.path}>{l(s.vi, s.en)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
