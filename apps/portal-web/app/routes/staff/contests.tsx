import { Link } from 'react-router';
import { ContestsDocument } from '../../__generated__/graphql';
import { RoundKind } from '../../components/contest-round';
import { DateText, NextPage } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { staffMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { CONTEST_EDITORS } from '../../lib/staff';
import type { Route } from './+types/contests';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, CONTEST_EDITORS);
  const { after } = listQuery(request);
  const data = await loadOrThrow(context, ContestsDocument, definedOnly({ after }), token);
  return { contests: data.contests };
}

export const meta: Route.MetaFunction = staffMeta((l) =>
  l('Cuộc thi và trưng bày', 'Contests and showcase'),
);

export default function StaffContests({ loaderData }: Route.ComponentProps) {
  const { contests } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Cuộc thi và trưng bày', 'Contests and showcase')}</h1>
      <p className="meta">
        {l(
          'Xem bảng điểm, công bố kết quả và đưa bài đạt giải vào trưng bày AI-Challenge.',
          'See the standings, publish the results and promote winners to the AI-Challenge showcase.',
        )}
      </p>
      <ul className="queue" data-testid="staff-contests">
        {(contests?.nodes ?? []).map((c) => (
          <li key={c.id} className="card">
            <Link to={`/quan-tri/cuoc-thi/${c.id}`} lang="vi">
              {c.title}
            </Link>
            <p className="meta">
              {c.status}
              {c.currentRound && (
                <>
                  {' · '}
                  <RoundKind kind={c.currentRound.kind} /> ({l('đến', 'until')}{' '}
                  <DateText iso={c.currentRound.endsAt} />)
                </>
              )}
              {c.resultsPublishedAt && (
                <>
                  {' · '}
                  {l('đã công bố kết quả', 'results published')}{' '}
                  <DateText iso={c.resultsPublishedAt} />
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      <NextPage page={contests} />
    </div>
  );
}
