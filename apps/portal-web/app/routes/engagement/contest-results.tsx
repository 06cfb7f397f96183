import { ContestResultsDocument } from '../../__generated__/graphql';
import { ContestPageHeading } from '../../components/contest-round';
import { DataTable, DateText, Section } from '../../components/ui';
import { loadOrThrow, orNotFound } from '../../lib/graphql.server';
import { detailMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import type { Route } from './+types/contest-results';

export async function loader({ params, context }: Route.LoaderArgs) {
  const data = await loadOrThrow(context, ContestResultsDocument, { id: params.id });
  return { contest: orNotFound(data.contest) };
}

export const meta: Route.MetaFunction = detailMeta((data, root) => ({
  title: `${root?.lang === 'en' ? 'Results' : 'Kết quả'}: ${data.contest.title}`,
  path: `/cuoc-thi/${data.contest.id}/ket-qua`,
}));

export default function ContestResults({ loaderData }: Route.ComponentProps) {
  const { contest } = loaderData;
  const { l } = usePortal();
  return (
    <article className="narrow">
      <ContestPageHeading contest={contest} label={l('Kết quả', 'Results')} />
      {!contest.resultsPublishedAt ? (
        <p>{l('Kết quả chưa được công bố.', 'The results are not published yet.')}</p>
      ) : (
        <>
          <p className="meta">
            {l('Công bố ngày', 'Published')} <DateText iso={contest.resultsPublishedAt} />
          </p>
          <Section headingId="h-winners" title={l('Đạt giải', 'Winners')}>
            <ol className="article-list large" data-testid="contest-winners">
              {contest.winners.map((w) => (
                <li key={`${w.rank}-${w.entry.id}`} lang="vi">
                  <h3>
                    {w.prize?.title ?? `#${w.rank}`}: {w.entry.title}
                  </h3>
                  <p className="meta">
                    {[w.entry.ownerName, ...w.entry.team.map((m) => m.name)]
                      .filter((n, i, all) => n && all.indexOf(n) === i)
                      .join(', ')}
                  </p>
                  {w.prize?.description && <p>{w.prize.description}</p>}
                </li>
              ))}
            </ol>
          </Section>
          {contest.standings && contest.standings.length > 0 && (
            <Section headingId="h-standings" title={l('Bảng điểm', 'Standings')}>
              <DataTable
                columns={[
                  l('Bài dự thi', 'Entry'),
                  l('Điểm giám khảo (0–100)', 'Judges (0–100)'),
                  l('Lượt bình chọn', 'Votes'),
                ]}
              >
                {contest.standings.map((s) => (
                  <tr key={s.entry.id}>
                    <th scope="row" lang="vi">
                      {s.entry.title}
                    </th>
                    <td>{s.judgeScore?.toFixed(1) ?? '—'}</td>
                    <td>{s.votes}</td>
                  </tr>
                ))}
              </DataTable>
            </Section>
          )}
        </>
      )}
    </article>
  );
}
