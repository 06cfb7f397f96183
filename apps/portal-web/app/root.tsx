import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  type LinksFunction,
} from 'react-router';
import stylesheet from './app.css?url';
import { isLang, translator, type Lang } from './lib/i18n';
import { hasRole, usePortal, type RootData } from './lib/portal-data';
import { STAFF_ROLES } from './lib/staff';
import { currentViewer, languageCookie } from './lib/session.server';
import { signInPath } from './lib/sign-in-path';
import type { Route } from './+types/root';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: Route.LoaderArgs): Promise<RootData> {
  const chosen: unknown = await languageCookie.parse(request.headers.get('cookie'));
  const { viewer } = await currentViewer(request, context);
  return {
    lang: isLang(chosen) ? chosen : 'vi',
    viewer,
    nonce: context.nonce,
    publicUrl: context.config.publicUrl,
    gatewayPublicUrl: context.config.gatewayPublicUrl,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { lang, nonce } = usePortal();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4f8a" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const { t, viewer, lang } = usePortal();
  const location = useLocation();
  const back = location.pathname + location.search;
  const nav: [string, Parameters<typeof t>[0]][] = [
    ['/', 'home'],
    ['/tin-tuc', 'news'],
    ['/cam-nang', 'handbook'],
    ['/thu-vien', 'library'],
    ['/dien-dan', 'forum'],
    ['/ban-tin', 'bulletin'],
    ['/hoi-dap', 'ask'],
    ['/du-lieu-mo', 'openData'],
    ['/gop-y', 'feedback'],
    ['/tra-cuu-phan-anh', 'tracking'],
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <div className="header-top">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="36" height="36" />
          <span>{t('siteName')}</span>
        </Link>
        <div className="header-tools">
          <Form method="post" action="/ngon-ngu" reloadDocument>
            <input type="hidden" name="lang" value={lang === 'vi' ? 'en' : 'vi'} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" className="link-button" title={t('languageLabel')}>
              <span lang={lang === 'vi' ? 'en' : 'vi'}>{t('language')}</span>
            </button>
          </Form>
          {viewer ? (
            <>
              {hasRole(viewer, ...STAFF_ROLES) && <Link to="/quan-tri">{t('staff')}</Link>}
              <span className="viewer-name">{viewer.name}</span>
              <Form method="post" action="/dang-xuat">
                <button type="submit" className="link-button">
                  {t('signOut')}
                </button>
              </Form>
            </>
          ) : (
            <Link to={signInPath(back)}>{t('signIn')}</Link>
          )}
        </div>
      </div>
      <nav aria-label={t('mainNav')} className="main-nav">
        <ul>
          {nav.map(([to, key]) => (
            <li key={to}>
              <NavLink to={to} end={to === '/'}>
                {t(key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function Footer() {
  const { t, gatewayPublicUrl } = usePortal();
  return (
    <footer className="site-footer">
      <p>{t('footer')}</p>
      <p>
        <Link to="/ung-dung">{t('apps')}</Link> ·{' '}
        <a href={`${gatewayPublicUrl}/feeds/articles.rss`}>{t('rss')}</a> ·{' '}
        <a href={`${gatewayPublicUrl}/feeds/articles.atom`}>{t('atom')}</a> · {t('hotline')}
      </p>
    </footer>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

/** Human messages for what can go wrong, with a way to try again. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { lang } = usePortal();
  const t = translator(lang as Lang);
  let message = t('errorGeneric');
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (status === 404) message = t('notFound');
    else if (status === 429) message = t('errorRateLimited');
    else if (status === 403 || status === 401) message = t('errorForbidden');
    else if (status === 503) message = t('errorNetwork');
  } else if (error instanceof Error) {
    console.error(error);
  }
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="error-page">
        <h1>{status === 404 ? t('notFound') : t('errorTitle')}</h1>
        <p role="alert">{message}</p>
        {status !== 404 && status !== 403 && (
          <p>
            <a href="">{t('retry')}</a>
          </p>
        )}
        <p>
          <Link to="/">{t('home')}</Link>
        </p>
      </main>
      <Footer />
    </>
  );
}
