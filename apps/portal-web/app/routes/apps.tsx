import { Link } from 'react-router';
import { PlatformAppsDirectoryDocument } from '../__generated__/graphql';
import { FilterFields, FilterForm, SearchField } from '../components/list-filters';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listFilter, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { APP_CATEGORIES } from '../lib/showcase';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/apps';

const FILTERS = {
  category: listFilter({
    param: 'nhom',
    id: 'cat',
    label: 'category',
    choices: APP_CATEGORIES,
    empty: 'all',
  }),
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = listQuery(request);
  const { q } = query;
  const { category } = query.filters(FILTERS);
  const data = await loadOrThrow(
    context,
    PlatformAppsDirectoryDocument,
    definedOnly({ category, q }),
  );
  return { category, q, apps: data.platformApps };
}

export const meta = sectionMeta({
  path: '/ung-dung',
  title: { vi: 'Ứng dụng và nền tảng của Thành phố', en: 'City apps' },
});

export default function Apps({ loaderData }: Route.ComponentProps) {
  const { category, q, apps } = loaderData;
  const { t } = usePortal();
  return (
    <div>
      <h1>{t('apps')}</h1>
      <p>
        <Link to="/ung-dung/ai-challenge">{t('showcase')}</Link>
      </p>
      <FilterForm search>
        <SearchField id="q" label={t('search')} value={q} />
        <FilterFields filters={FILTERS} chosen={{ category }} />
      </FilterForm>
      <ul className="cards">
        {(apps?.nodes ?? []).map((app) => (
          <li key={app.id} className="card" lang="vi">
            <h2>
              <a href={app.url} rel="noopener">
                {app.name}
              </a>
            </h2>
            <p>{app.description}</p>
            <p className="meta">
              {app.ownerAgency} · {app.category}
              {app.androidUrl && (
                <>
                  {' · '}
                  <a href={app.androidUrl} rel="noopener">
                    Android
                  </a>
                </>
              )}
              {app.iosUrl && (
                <>
                  {' · '}
                  <a href={app.iosUrl} rel="noopener">
                    iOS
                  </a>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
