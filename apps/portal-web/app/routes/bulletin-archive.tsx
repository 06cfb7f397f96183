import { Link } from 'react-router';
import { BulletinArchiveDocument } from '../__generated__/graphql';
import { DateText } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/bulletin-archive';

export async function loader({ request, context }: Route.LoaderArgs) {
  const raw = Number(new URL(request.url).searchParams.get('nam'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : undefined;
  const data = await loadOrThrow(context, BulletinArchiveDocument, year ? { year } : {});
  return { year, issues: data.bulletinIssues };
}

export const meta = sectionMeta({
  path: '/ban-tin/luu-tru',
  title: { vi: 'Lưu trữ Bản tin CĐS', en: 'Bulletin archive' },
});

export default function BulletinArchive({ loaderData }: Route.ComponentProps) {
  const { year, issues } = loaderData;
  const { t } = usePortal();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <div>
      <h1>
        {t('bulletin')} — {t('archive')}
      </h1>
      <nav aria-label={t('year')}>
        <ul className="tags">
          <li>
            <Link to="/ban-tin/luu-tru" aria-current={year ? undefined : 'page'}>
              {t('all')}
            </Link>
          </li>
          {years.map((y) => (
            <li key={y}>
              <Link to={`/ban-tin/luu-tru?nam=${y}`} aria-current={year === y ? 'page' : undefined}>
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ul className="article-list large">
        {(issues?.nodes ?? []).map((i) => (
          <li key={i.id}>
            <h2>
              <Link to={`/ban-tin/${i.year}/${String(i.month).padStart(2, '0')}`}>{i.title}</Link>
            </h2>
            <p className="meta">
              {t('issue')} {i.number} · <DateText iso={i.publishedAt} />
            </p>
          </li>
        ))}
      </ul>
      {issues?.nodes.length === 0 && <p>{t('noResults')}</p>}
    </div>
  );
}
