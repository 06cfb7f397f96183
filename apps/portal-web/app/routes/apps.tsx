import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { PlatformAppsDirectoryDocument } from '../__generated__/graphql';
import { loadOrThrow } from '../lib/graphql.server';
import { pageMeta, rootData } from '../lib/meta';
import { APP_CATEGORIES } from '../lib/showcase';
import { usePortal } from '../lib/portal-data';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const category = APP_CATEGORIES.find((c) => c === params.get('nhom'));
  const q = params.get('q')?.trim().slice(0, 200) || undefined;
  const data = await loadOrThrow(context, PlatformAppsDirectoryDocument, {
    ...(category ? { category } : {}),
    ...(q ? { q } : {}),
  });
  return { category, q, apps: data.platformApps };
}

export const meta: MetaFunction = ({ matches }) => {
  const root = rootData(matches);
  return pageMeta(root, {
    title: root?.lang === 'en' ? 'City apps' : 'Ứng dụng và nền tảng của Thành phố',
    path: '/ung-dung',
  });
};

export default function Apps() {
  const { category, q, apps } = useLoaderData<typeof loader>();
  const { t } = usePortal();
  return (
    <div>
      <h1>{t('apps')}</h1>
      <p>
        <Link to="/ung-dung/ai-challenge">{t('showcase')}</Link>
      </p>
      <form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t('search')}</label>
          <input id="q" name="q" type="search" defaultValue={q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="cat">{t('category')}</label>
          <select id="cat" name="nhom" defaultValue={category ?? ''}>
            <option value="">{t('all')}</option>
            {APP_CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t('filter')}</button>
      </form>
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
