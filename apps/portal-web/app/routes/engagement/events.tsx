// Upcoming events (/su-kien) and past ones with their recordings (/su-kien/da-dien-ra).
import { Link, NavLink } from 'react-router';
import { PastEventsDocument, UpcomingEventsDocument } from '../../__generated__/graphql';
import { ListItemHeading, NextPage } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { formatDateTime } from '../../lib/i18n';
import { pageMeta, rootData } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import type { Route } from './+types/events';

const PAST_PATH = '/su-kien/da-dien-ra';

export async function loader({ request, context }: Route.LoaderArgs) {
  const variables = definedOnly({ after: listQuery(request).after });
  if (new URL(request.url).pathname.replace(/\/$/, '') === PAST_PATH) {
    const data = await loadOrThrow(context, PastEventsDocument, variables);
    return { past: true as const, events: data.events };
  }
  const data = await loadOrThrow(context, UpcomingEventsDocument, variables);
  return { past: false as const, events: data.events };
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const root = rootData(matches);
  const en = root?.lang === 'en';
  return pageMeta(root, {
    title: loaderData?.past
      ? en
        ? 'Past events'
        : 'Sự kiện đã diễn ra'
      : en
        ? 'Events and webinars'
        : 'Sự kiện, hội thảo trực tuyến',
    path: loaderData?.past ? PAST_PATH : '/su-kien',
  });
};

export default function Events({ loaderData: data }: Route.ComponentProps) {
  const { t, lang, l } = usePortal();
  return (
    <div>
      <h1>{data.past ? l('Sự kiện đã diễn ra', 'Past events') : t('events')}</h1>
      <nav aria-label={l('Loại sự kiện', 'Which events')} className="tabs">
        <NavLink to="/su-kien" end>
          {l('Sắp diễn ra', 'Upcoming')}
        </NavLink>{' '}
        · <NavLink to={PAST_PATH}>{l('Đã diễn ra', 'Past')}</NavLink>
      </nav>
      {(data.events?.nodes.length ?? 0) === 0 && <p>{t('noResults')}</p>}
      <ul className="article-list large" data-testid="event-list">
        {data.past
          ? data.events?.nodes.map((e) => (
              <li key={e.id}>
                <ListItemHeading to={`/su-kien/${e.id}`} title={e.title} />
                <p className="meta">
                  <time dateTime={e.startsAt}>{formatDateTime(lang, e.startsAt)}</time>
                  {e.recording && (
                    <>
                      {' · '}
                      <Link to={`/thu-vien/${e.recording.slug}`}>{l('Xem lại', 'Recording')}</Link>
                    </>
                  )}
                </p>
              </li>
            ))
          : data.events?.nodes.map((e) => (
              <li key={e.id}>
                <ListItemHeading to={`/su-kien/${e.id}`} title={e.title} />
                <p className="meta">
                  <time dateTime={e.startsAt}>{formatDateTime(lang, e.startsAt, e.timeZone)}</time>
                  {' · '}
                  {e.venue ? <span lang="vi">{e.venue}</span> : l('Trực tuyến', 'Online')}
                  {' · '}
                  {l(
                    `${e.confirmedCount}/${e.capacity} chỗ đã đăng ký`,
                    `${e.confirmedCount}/${e.capacity} seats taken`,
                  )}
                </p>
                {e.speakers.length > 0 && (
                  <p className="meta" lang="vi">
                    {e.speakers.map((s) => s.name).join(', ')}
                  </p>
                )}
              </li>
            ))}
      </ul>
      <NextPage page={data.events} />
    </div>
  );
}
