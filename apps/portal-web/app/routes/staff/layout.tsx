import { NavLink, Outlet } from 'react-router';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { consoleSectionsFor, STAFF_ROLES } from '../../lib/staff';
import type { Route } from './+types/layout';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { viewer } = await requireViewer(request, context, STAFF_ROLES);
  return {
    sections: consoleSectionsFor(viewer).map((s) => ({ path: s.path, vi: s.vi, en: s.en })),
  };
}

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

export default function StaffLayout({ loaderData }: Route.ComponentProps) {
  const { sections } = loaderData;
  const { l, viewer } = usePortal();
  return (
    <div className="staff">
      <nav aria-label={l('Trang quản trị', 'Staff console')} className="staff-nav">
        <p className="meta">
          {viewer?.name} ({viewer?.roles.filter((r) => r !== 'citizen').join(', ')}
          {viewer?.department ? ` · ${viewer.department}` : ''})
        </p>
        <ul>
          <li>
            <NavLink to="/quan-tri" end>
              {l('Tổng quan', 'Overview')}
            </NavLink>
          </li>
          {sections.map((s) => (
            <li key={s.path}>
              <NavLink to={s.path}>{l(s.vi, s.en)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="staff-body">
        <Outlet />
      </div>
    </div>
  );
}
