import { Link } from 'react-router';
import { PlatformAppsDirectoryDocument } from '../__generated__/graphql';
import { FilterForm, SearchField, SelectField } from '../components/list-filters';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { APP_CATEGORIES } from '../lib/showcase';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/apps';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { q, oneOf } = listQuery(request);
  const category = oneOf('nhom', APP_CATEGORIES);
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
        <SelectField
          id="cat"
          name="nhom"
          label={t('category')}
          options={APP_CATEGORIES}
          value={category}
          empty={t('all')}
        />
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
