import { Link, type MetaFunction } from 'react-router';
import { usePortal } from '../../lib/portal-data';
import { consoleSectionsFor } from '../../lib/staff';

export const meta: MetaFunction = () => [
  { title: 'Quản trị | Cổng thông tin Chuyển đổi số TP.HCM' },
];

export default function Dashboard() {
  const { lang, viewer } = usePortal();
  const mine = consoleSectionsFor(viewer);
  return (
    <div>
      <h1>{lang === 'en' ? 'Staff console' : 'Trang quản trị'}</h1>
      <ul className="cards">
        {mine.map((s) => (
          <li key={s.path} className="card">
            <Link to={s.path}>{lang === 'en' ? s.en : s.vi}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
