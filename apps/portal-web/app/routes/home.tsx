import { Link } from 'react-router';
import { HomeExtrasDocument, HomePageDocument } from '../__generated__/graphql';
import { ReadAloud } from '../components/read-aloud';
import { DateText, Section } from '../components/ui';
import { runOperation } from '../lib/graphql.server';
import type { MessageKey } from '../lib/i18n';
import { pageMeta, rootData } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/home';

/** The ways to take part the home page offers, each a section of the portal. */
const TAKE_PART: [string, MessageKey][] = [
  ['/khao-sat', 'surveys'],
  ['/su-kien', 'events'],
  ['/cuoc-thi', 'contests'],
  ['/hoi-dap', 'ask'],
  ['/du-lieu-mo', 'openData'],
];

export async function loader({ context }: Route.LoaderArgs) {
  const [home, extras] = await Promise.all([
    runOperation(context, HomePageDocument, {}),
    runOperation(context, HomeExtrasDocument, {}),
  ]);
  // A service that is down leaves its section out; the rest of the page still renders.
  if (!home.data) throw new Response('graph unavailable', { status: 503 });
  return { home: home.data, extras: extras.data ?? null };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const root = rootData(matches);
  return [
    ...pageMeta(root, {
      title:
        root?.lang === 'en'
          ? 'Ho Chi Minh City Digital Transformation Portal'
          : 'Cổng thông tin Chuyển đổi số TP.HCM',
      path: '/',
    }),
    {
      tagName: 'link',
      rel: 'alternate',
      type: 'application/rss+xml',
      title: 'RSS',
      href: `${root?.gatewayPublicUrl ?? ''}/feeds/articles.rss`,
    },
    {
      tagName: 'link',
      rel: 'alternate',
      type: 'application/atom+xml',
      title: 'Atom',
      href: `${root?.gatewayPublicUrl ?? ''}/feeds/articles.atom`,
    },
  ];
};

export default function Home({ loaderData }: Route.ComponentProps) {
  const { home, extras } = loaderData;
  const { t } = usePortal();
  const news = home.articles?.nodes ?? [];
  // The newest news is the contract's HomePage; national and world news have their own lists,
  // so a busy month of city news does not push them off the page.
  const byScope = [
    { scope: 'CITY' as const, items: news.filter((a) => a.scope === 'CITY') },
    {
      scope: 'NATIONAL' as const,
      items: extras?.national?.nodes ?? news.filter((a) => a.scope === 'NATIONAL'),
    },
    {
      scope: 'WORLD' as const,
      items: extras?.world?.nodes ?? news.filter((a) => a.scope === 'WORLD'),
    },
  ];
  const bulletin = home.latestBulletinIssue;
  return (
    <div className="home">
      <h1 className="visually-hidden">{t('siteName')}</h1>
      <form method="get" action="/tin-tuc" role="search" className="hero-search">
        <label htmlFor="home-q">{t('searchNews')}</label>
        <div className="inline">
          <input id="home-q" name="q" type="search" placeholder={t('searchPlaceholder')} />
          <button type="submit">{t('search')}</button>
        </div>
      </form>

      <section aria-labelledby="h-news" className="panel">
        <h2 id="h-news">{t('latestNews')}</h2>
        <div className="columns">
          {byScope.map(({ scope, items }) => (
            <section key={scope} aria-labelledby={`h-scope-${scope}`}>
              <h3 id={`h-scope-${scope}`}>
                <Link to={`/tin-tuc?pham-vi=${scope}`}>{t(`scope${scope}`)}</Link>
              </h3>
              <ul className="article-list">
                {items.slice(0, 4).map((a) => (
                  <li key={a.id}>
                    <Link to={`/bai-viet/${a.slug}`}>{a.title}</Link>
                    <p className="meta">
                      {a.category?.name ? `${a.category.name} · ` : ''}
                      <DateText iso={a.publishedAt} />
                    </p>
                  </li>
                ))}
                {items.length === 0 && <li className="muted">{t('noResults')}</li>}
              </ul>
            </section>
          ))}
        </div>
        <p>
          <Link to="/tin-tuc">{t('seeAll')} →</Link>
        </p>
      </section>

      <div className="columns two">
        <Section headingId="h-plans" title={t('plansProgrammes')} className="panel">
          <ul className="article-list">
            {[...(extras?.plans?.nodes ?? []), ...(extras?.programmes?.nodes ?? [])].map((a) => (
              <li key={a.id}>
                <Link to={`/bai-viet/${a.slug}`}>{a.title}</Link>
                <p className="meta">
                  <DateText iso={a.publishedAt} />
                </p>
              </li>
            ))}
          </ul>
        </Section>
        <section aria-labelledby="h-handbook" className="panel">
          <h2 id="h-handbook">
            <Link to="/cam-nang">{t('handbook')}</Link>
          </h2>
          <ul className="article-list">
            {(home.handbook?.nodes ?? []).map((a) => (
              <li key={a.id}>
                <Link to={`/bai-viet/${a.slug}`}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <div className="columns two">
        {bulletin && (
          <Section headingId="h-bulletin" title={t('latestBulletin')} className="panel">
            <p>
              <Link to={`/ban-tin/${bulletin.year}/${String(bulletin.month).padStart(2, '0')}`}>
                {bulletin.title}
              </Link>{' '}
              <span className="meta">
                ({t('issue')} {bulletin.number}, {String(bulletin.month).padStart(2, '0')}/
                {bulletin.year})
              </span>
            </p>
            <ReadAloud
              audioUrl={bulletin.readAloud?.audioUrl}
              text={null}
              language="vi-VN"
              durationSeconds={bulletin.readAloud?.durationSeconds}
            />
          </Section>
        )}
        <Section headingId="h-voted" title={t('mostVoted')} className="panel">
          <ul className="article-list">
            {(home.threads?.nodes ?? []).map((th) => (
              <li key={th.id}>
                <Link to={`/dien-dan/${th.id}`}>{th.title}</Link>
                <p className="meta">
                  {th.voteCount} {t('votes')} · {th.replyCount} {t('replies')} ·{' '}
                  {t(`status${th.status}`)}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      </div>

      <Section headingId="h-take-part" title={t('takePart')} className="panel">
        <ul className="cards" data-testid="take-part">
          {TAKE_PART.map(([path, name]) => (
            <li key={path} className="card">
              <Link to={path}>{t(name)}</Link>
            </li>
          ))}
        </ul>
      </Section>

      <Section headingId="h-library" title={t('libraryHighlights')} className="panel">
        <ul className="cards">
          {(home.libraryItems?.nodes ?? []).map((item) => (
            <li key={item.id} className="card">
              <Link to={`/thu-vien/${item.slug}`}>{item.title}</Link>
              <p className="meta">
                {item.format} · {item.topics.slice(0, 2).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      </Section>

      {extras?.platformApps && extras.platformApps.nodes.length > 0 && (
        <section aria-labelledby="h-apps" className="panel">
          <h2 id="h-apps">
            <Link to="/ung-dung">{t('apps')}</Link>
          </h2>
          <ul className="cards">
            {extras.platformApps.nodes.map((app) => (
              <li key={app.id} className="card">
                <a href={app.url} rel="noopener">
                  {app.name}
                </a>
                <p className="meta">{app.description}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
