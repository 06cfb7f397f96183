import { Link } from 'react-router';
import { ContestsDocument } from '../../__generated__/graphql';
import { DateText, ListItemHeading, PagedList } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { sectionMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { RoundKind } from '../../components/contest-round';
import type { Route } from './+types/contests';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { after } = listQuery(request);
  const data = await loadOrThrow(context, ContestsDocument, definedOnly({ after }));
  return { contests: data.contests };
}

export const meta = sectionMeta({
  path: '/cuoc-thi',
  title: { vi: 'Cuộc thi trực tuyến', en: 'Contests' },
});

export default function Contests({ loaderData }: Route.ComponentProps) {
  const { contests } = loaderData;
  const { t, l } = usePortal();
  return (
    <div>
      <h1>{t('contests')}</h1>
      <PagedList page={contests} testId="contest-list">
        {(c) => (
          <li>
            <ListItemHeading to={`/cuoc-thi/${c.id}`} title={c.title} description={c.description} />
            <p className="meta">
              {c.currentRound ? (
                <>
                  {l('Đang diễn ra', 'Running')}: <span lang="vi">{c.currentRound.title}</span> (
                  <RoundKind kind={c.currentRound.kind} />
                  ), {l('đến', 'until')} <DateText iso={c.currentRound.endsAt} />
                </>
              ) : (
                l('Không có vòng nào đang diễn ra', 'No round running')
              )}
              {c.resultsPublishedAt && (
                <>
                  {' · '}
                  <Link to={`/cuoc-thi/${c.id}/ket-qua`}>{l('Kết quả', 'Results')}</Link>
                </>
              )}
            </p>
          </li>
        )}
      </PagedList>
    </div>
  );
}
