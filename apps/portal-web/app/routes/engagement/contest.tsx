import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import { ContestPageDocument, VoteForContestEntryDocument } from '../../__generated__/graphql';
import { RoundKind } from '../../components/contest-round';
import { DateText, FormError, Notice } from '../../components/ui';
import { loadOrThrow, runOperation } from '../../lib/graphql.server';
import { pageMeta, rootData } from '../../lib/meta';
import { useL, usePortal } from '../../lib/portal-data';
import { currentViewer, requireViewer } from '../../lib/session.server';

/** Text written with line breaks, as paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i} lang="vi">
            {p}
          </p>
        ))}
    </>
  );
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { token } = await currentViewer(request, context);
  const data = await loadOrThrow(context, ContestPageDocument, { id: params.id! }, token);
  if (!data.contest) throw new Response('not found', { status: 404 });
  return { contest: data.contest };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { token } = await requireViewer(request, context);
  const form = await request.formData();
  if (form.get('intent') !== 'vote') throw new Response('unknown action', { status: 400 });
  const entryId = String(form.get('entryId') ?? '');
  const result = await runOperation(context, VoteForContestEntryDocument, { entryId }, token);
  return { ok: result.ok, error: result.ok ? null : result.error };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: 'Không tìm thấy' }];
  return pageMeta(rootData(matches), {
    title: data.contest.title,
    description: data.contest.description ?? undefined,
    path: `/cuoc-thi/${data.contest.id}`,
  });
};

export default function ContestPage() {
  const { contest } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, viewer } = usePortal();
  const l = useL();
  const voting = contest.currentRound?.kind === 'PUBLIC_VOTE';
  return (
    <article className="narrow contest">
      <p className="breadcrumb">
        <Link to="/cuoc-thi">{t('contests')}</Link>
      </p>
      <h1 lang="vi">{contest.title}</h1>
      {contest.description && <p lang="vi">{contest.description}</p>}
      {contest.resultsPublishedAt && (
        <p className="panel">
          <Link to={`/cuoc-thi/${contest.id}/ket-qua`}>
            {l('Xem kết quả cuộc thi', 'See the results')} →
          </Link>
        </p>
      )}
      <FormError error={result?.error} />
      {result?.ok && (
        <Notice>
          {l('Cảm ơn, phiếu bình chọn đã được ghi nhận.', 'Thank you, your vote was counted.')}
        </Notice>
      )}

      <section aria-labelledby="h-rounds">
        <h2 id="h-rounds">{l('Các vòng thi', 'Rounds')}</h2>
        <ol className="article-list">
          {contest.rounds.map((r) => (
            <li key={r.id} aria-current={contest.currentRound?.id === r.id ? 'step' : undefined}>
              <strong lang="vi">{r.title}</strong> (<RoundKind kind={r.kind} />) —{' '}
              <DateText iso={r.startsAt} /> – <DateText iso={r.endsAt} />
              {contest.currentRound?.id === r.id && (
                <span className="meta"> · {l('đang diễn ra', 'running now')}</span>
              )}
            </li>
          ))}
        </ol>
      </section>

      {contest.prizes.length > 0 && (
        <section aria-labelledby="h-prizes">
          <h2 id="h-prizes">{l('Giải thưởng', 'Prizes')}</h2>
          <ul lang="vi">
            {contest.prizes.map((p) => (
              <li key={p.rank}>
                <strong>{p.title}</strong>
                {p.description && `: ${p.description}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="h-rules">
        <h2 id="h-rules">{l('Thể lệ', 'Rules')}</h2>
        <Paragraphs text={contest.rules} />
        <h3>{l('Đối tượng dự thi', 'Who may take part')}</h3>
        <Paragraphs text={contest.eligibility} />
        {contest.criteria.length > 0 && (
          <>
            <h3>{l('Tiêu chí chấm', 'Criteria')}</h3>
            <ul lang="vi">
              {contest.criteria.map((c) => (
                <li key={c.id}>
                  {c.name} ({l('hệ số', 'weight')} {c.weight}, {l('tối đa', 'at most')} {c.maxScore}
                  )
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="h-entries">
        <h2 id="h-entries">
          {l('Bài dự thi', 'Entries')} ({contest.entries.length})
        </h2>
        {voting && !viewer && (
          <p>
            <Link to={`/dang-nhap?tiep=/cuoc-thi/${contest.id}`}>
              {l('Đăng nhập để bình chọn', 'Sign in to vote')}
            </Link>
          </p>
        )}
        <ul className="cards" data-testid="contest-entries">
          {contest.entries.map((e) => (
            <li key={e.id} className="card" lang="vi">
              <h3 id={`entry-${e.id}`}>{e.title}</h3>
              <p>{e.description}</p>
              <p className="meta">
                {[
                  ...(e.ownerName && !e.team.some((m) => m.name === e.ownerName)
                    ? [e.ownerName]
                    : []),
                  ...e.team.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)),
                ].join(', ')}
              </p>
              {voting && viewer && contest.myVoteEntryId === e.id && (
                <p className="meta" lang={undefined}>
                  {l('Bạn đã bình chọn bài này.', 'You voted for this entry.')}
                </p>
              )}
              {voting && viewer && !contest.myVoteEntryId && (
                <Form method="post">
                  <input type="hidden" name="intent" value="vote" />
                  <input type="hidden" name="entryId" value={e.id} />
                  <button type="submit" aria-describedby={`entry-${e.id}`}>
                    {l('Bình chọn', 'Vote')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
