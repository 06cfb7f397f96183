import { Link } from 'react-router';
import {
  ContestPageDocument,
  SubmitContestEntryDocument,
  UpdateContestEntryDocument,
  VoteForContestEntryDocument,
} from '../../__generated__/graphql';
import { RoundKind } from '../../components/contest-round';
import {
  DateText,
  Field,
  FormAnswer,
  FormError,
  IntentForm,
  ItemHeading,
  Notice,
  Section,
  SignInPrompt,
} from '../../components/ui';
import { entryCredits, entryProblems, parseTeam, teamText } from '../../lib/contest-form';
import { loadOrThrow, orNotFound, runOperation, type GraphError } from '../../lib/graphql.server';
import { describedMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { currentViewer, requireViewer } from '../../lib/session.server';
import type { Route } from './+types/contest';

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

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token } = await currentViewer(request, context);
  const data = await loadOrThrow(context, ContestPageDocument, { id: params.id }, token);
  return { contest: orNotFound(data.contest) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context);
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'vote') {
    const entryId = String(form.get('entryId') ?? '');
    const result = await runOperation(context, VoteForContestEntryDocument, { entryId }, token);
    return {
      intent,
      ok: result.ok,
      error: result.ok ? null : result.error,
      values: null,
      created: false,
    };
  }
  if (intent !== 'enter') throw new Response('unknown action', { status: 400 });
  const values = {
    title: String(form.get('title') ?? '').trim(),
    description: String(form.get('description') ?? '').trim(),
    team: String(form.get('team') ?? ''),
  };
  const input = {
    title: values.title,
    description: values.description,
    team: parseTeam(values.team),
  };
  const entryId = String(form.get('entryId') ?? '');
  const result = entryId
    ? await runOperation(context, UpdateContestEntryDocument, { entryId, input }, token)
    : await runOperation(
        context,
        SubmitContestEntryDocument,
        { contestId: params.id, input },
        token,
      );
  return {
    intent,
    ok: result.ok,
    error: result.ok ? null : entryProblems(result.error),
    values,
    created: !entryId,
  };
}

export const meta: Route.MetaFunction = describedMeta(
  (data) => data.contest,
  (contest) => `/cuoc-thi/${contest.id}`,
);

export default function ContestPage({ loaderData, actionData: result }: Route.ComponentProps) {
  const { contest } = loaderData;
  const { t, viewer, l } = usePortal();
  const voting = contest.currentRound?.kind === 'PUBLIC_VOTE';
  const taking = contest.currentRound?.kind === 'SUBMISSION';
  return (
    <article className="narrow contest">
      <ItemHeading
        back={{ to: '/cuoc-thi', label: t('contests') }}
        title={contest.title}
        description={contest.description}
      />
      {contest.viewerIsJudge && (
        <p className="panel">
          <Link to={`/cuoc-thi/${contest.id}/cham-thi`}>
            {l('Chấm các bài dự thi', 'Score the entries')} →
          </Link>
        </p>
      )}
      {contest.resultsPublishedAt && (
        <p className="panel">
          <Link to={`/cuoc-thi/${contest.id}/ket-qua`}>
            {l('Xem kết quả cuộc thi', 'See the results')} →
          </Link>
        </p>
      )}
      {result?.intent === 'vote' && <FormError error={result.error} />}
      {result?.intent === 'vote' && result.ok && (
        <Notice>
          {l('Cảm ơn, phiếu bình chọn đã được ghi nhận.', 'Thank you, your vote was counted.')}
        </Notice>
      )}

      <Section headingId="h-rounds" title={l('Các vòng thi', 'Rounds')}>
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
      </Section>

      {contest.prizes.length > 0 && (
        <Section headingId="h-prizes" title={l('Giải thưởng', 'Prizes')}>
          <ul lang="vi">
            {contest.prizes.map((p) => (
              <li key={p.rank}>
                <strong>{p.title}</strong>
                {p.description && `: ${p.description}`}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section headingId="h-rules" title={l('Thể lệ', 'Rules')}>
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
      </Section>

      {taking && !contest.viewerIsJudge && (
        <Section
          headingId="h-my-entry"
          title={l('Bài dự thi của bạn', 'Your entry')}
          className="panel"
        >
          {!viewer ? (
            <SignInPrompt returnTo={`/cuoc-thi/${contest.id}`}>
              {l('Đăng nhập để gửi bài dự thi', 'Sign in to enter')}
            </SignInPrompt>
          ) : (
            <EntryForm
              key={contest.myEntry?.updatedAt ?? 'new'}
              entry={contest.myEntry}
              endsAt={contest.currentRound?.endsAt}
              result={result?.intent === 'enter' ? result : undefined}
              defaultTeam={viewer.name}
            />
          )}
        </Section>
      )}

      <section aria-labelledby="h-entries">
        <h2 id="h-entries">
          {l('Bài dự thi', 'Entries')} ({contest.entries.length})
        </h2>
        {voting && !viewer && (
          <SignInPrompt returnTo={`/cuoc-thi/${contest.id}`}>
            {l('Đăng nhập để bình chọn', 'Sign in to vote')}
          </SignInPrompt>
        )}
        <ul className="cards" data-testid="contest-entries">
          {contest.entries.map((e) => (
            <li key={e.id} className="card" lang="vi">
              <h3 id={`entry-${e.id}`}>{e.title}</h3>
              <p>{e.description}</p>
              <p className="meta">{entryCredits(e)}</p>
              {voting && viewer && contest.myVoteEntryId === e.id && (
                <p className="meta" lang={undefined}>
                  {l('Bạn đã bình chọn bài này.', 'You voted for this entry.')}
                </p>
              )}
              {voting && viewer && !contest.myVoteEntryId && (
                <IntentForm intent="vote" hidden={{ entryId: e.id }}>
                  <button type="submit" aria-describedby={`entry-${e.id}`}>
                    {l('Bình chọn', 'Vote')}
                  </button>
                </IntentForm>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

type EntryResult = {
  ok: boolean;
  error: GraphError | null;
  values: { title: string; description: string; team: string } | null;
  created: boolean;
};

/** A person's one entry: sent while the submission round runs, and edited until it ends. */
function EntryForm(props: {
  entry: {
    id: string;
    title: string;
    description: string;
    team: { name: string; role: string | null }[];
  } | null;
  endsAt: string | undefined;
  result: EntryResult | undefined;
  defaultTeam: string;
}) {
  const { l } = usePortal();
  const { entry, result } = props;
  const saved = entry && {
    title: entry.title,
    description: entry.description,
    team: teamText(entry.team),
  };
  const values = (!result?.ok && result?.values) || saved;
  return (
    <>
      {result?.ok && (
        <Notice>
          {result.created
            ? l('Đã gửi bài dự thi.', 'Your entry was sent.')
            : l('Đã lưu bài dự thi của bạn.', 'Your entry was saved.')}
        </Notice>
      )}
      <FormError error={result?.error} />
      {entry && (
        <p className="meta" data-testid="my-entry">
          {l('Bạn đã gửi bài; có thể sửa đến', 'You have entered; you may edit it until')}{' '}
          <DateText iso={props.endsAt} />.
        </p>
      )}
      <IntentForm intent="enter" className="stack">
        {entry && <input type="hidden" name="entryId" value={entry.id} />}
        <FormAnswer error={result?.error} values={values}>
          <Field name="title" label={l('Tên bài dự thi', 'Title')} required />
          <Field name="description" label={l('Mô tả', 'Description')} required multiline rows={6} />
          <Field
            name="team"
            label={l('Thành viên nhóm', 'Team members')}
            multiline
            rows={3}
            hint={l(
              'Mỗi người một dòng: họ tên, vai trò (không bắt buộc).',
              'One a line: name, role (optional).',
            )}
            defaultValue={props.defaultTeam}
          />
        </FormAnswer>
        <button type="submit">
          {entry ? l('Lưu bài dự thi', 'Save my entry') : l('Gửi bài dự thi', 'Send my entry')}
        </button>
      </IntentForm>
    </>
  );
}
