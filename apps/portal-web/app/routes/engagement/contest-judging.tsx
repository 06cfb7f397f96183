import {
  ContestJudgingDocument,
  DeclareConflictOfInterestDocument,
  ScoreContestEntryDocument,
} from '../../__generated__/graphql';
import { DateText, Field, FormAnswer, FormError, IntentForm, Notice } from '../../components/ui';
import { ContestPageHeading } from '../../components/contest-round';
import {
  entryCredits,
  formValues,
  judgeProblems,
  scoreField,
  scoresFromForm,
} from '../../lib/contest-form';
import { loadOrThrow, orNotFound, runOperation } from '../../lib/graphql.server';
import { detailMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import type { Route } from './+types/contest-judging';

// Judges are the people an editor assigned to the contest (any signed-in person, not a staff
// role), so their screen is the contest's own, and the graph's viewerIsJudge decides.
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context);
  const data = await loadOrThrow(context, ContestJudgingDocument, { id: params.id }, token);
  const contest = orNotFound(data.contest);
  if (!contest.viewerIsJudge) throw new Response('Forbidden', { status: 403 });
  return { contest };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context);
  const form = await request.formData();
  const intent = form.get('intent');
  const entryId = String(form.get('entryId') ?? '');
  const values = formValues(form);
  if (intent === 'conflict') {
    const reason = String(form.get(`reason-${entryId}`) ?? '').trim();
    const r = await runOperation(
      context,
      DeclareConflictOfInterestDocument,
      { entryId, reason },
      token,
    );
    return {
      intent,
      entryId,
      ok: r.ok,
      error: r.ok ? null : judgeProblems(r.error, entryId, []),
      values,
    };
  }
  if (intent !== 'score') throw new Response('unknown action', { status: 400 });
  const scores = scoresFromForm(form, entryId);
  const comment = String(form.get(`comment-${entryId}`) ?? '').trim();
  const r = await runOperation(
    context,
    ScoreContestEntryDocument,
    { entryId, scores, comment: comment || null },
    token,
  );
  return {
    intent,
    entryId,
    ok: r.ok,
    error: r.ok ? null : judgeProblems(r.error, entryId, scores),
    values,
  };
}

export const meta: Route.MetaFunction = detailMeta(({ contest }, root) => ({
  title: `${root?.lang === 'en' ? 'Judging' : 'Chấm thi'}: ${contest.title}`,
  path: `/cuoc-thi/${contest.id}/cham-thi`,
  noindex: true,
}));

export default function ContestJudging({ loaderData, actionData: result }: Route.ComponentProps) {
  const { contest } = loaderData;
  const { l } = usePortal();
  return (
    <article className="narrow">
      <ContestPageHeading contest={contest} label={l('Chấm thi', 'Judging')} />
      {contest.resultsPublishedAt ? (
        <p>
          {l(
            'Kết quả đã công bố; điểm không còn sửa được.',
            'The results are published; scores are final.',
          )}
        </p>
      ) : (
        <p className="meta">
          {l(
            'Điểm của bạn chỉ ban tổ chức xem được cho đến khi công bố kết quả. Chấm lại sẽ thay điểm cũ.',
            'Only the organisers see your scores until the results are published. Scoring again replaces them.',
          )}
        </p>
      )}
      <ul className="queue" data-testid="judging-entries">
        {contest.entries.map((e) => {
          const mine = result?.entryId === e.id ? result : undefined;
          return (
            <li key={e.id} className="card" lang="vi" data-testid={`judging-${e.id}`}>
              <h2 id={`entry-${e.id}`}>{e.title}</h2>
              <p>{e.description}</p>
              <p className="meta">{entryCredits(e)}</p>
              <div lang={undefined}>
                {mine?.ok && (
                  <Notice>
                    {mine.intent === 'conflict'
                      ? l('Đã ghi nhận xung đột lợi ích.', 'Conflict of interest recorded.')
                      : l('Đã lưu điểm.', 'Scores saved.')}
                  </Notice>
                )}
                <FormError error={mine?.error} />
                {e.myScore && (
                  <p className="meta" data-testid="my-score">
                    {l('Điểm của bạn', 'Your score')}: {e.myScore.weighted}/100 (
                    <DateText iso={e.myScore.updatedAt} />)
                  </p>
                )}
                {e.myConflictDeclared ? (
                  <p>
                    {l(
                      'Bạn đã khai báo xung đột lợi ích với bài này nên không chấm bài.',
                      'You declared a conflict of interest with this entry and do not score it.',
                    )}
                  </p>
                ) : (
                  !contest.resultsPublishedAt && (
                    <FormAnswer error={mine?.error} values={mine && !mine.ok ? mine.values : null}>
                      <IntentForm intent="score" hidden={{ entryId: e.id }} className="stack">
                        {contest.criteria.map((c) => (
                          <Field
                            key={c.id}
                            name={scoreField(e.id, c.id)}
                            label={`${c.name} (0–${c.maxScore}, ${l('hệ số', 'weight')} ${c.weight})`}
                            type="number"
                            min={0}
                            max={c.maxScore}
                            required
                            defaultValue={
                              e.myScore?.scores.find((s) => s.criterionId === c.id)?.score
                            }
                          />
                        ))}
                        <Field
                          name={`comment-${e.id}`}
                          label={l('Nhận xét', 'Comment')}
                          multiline
                          rows={3}
                          defaultValue={e.myScore?.comment}
                        />
                        <button type="submit" aria-describedby={`entry-${e.id}`}>
                          {l('Lưu điểm', 'Save scores')}
                        </button>
                      </IntentForm>
                      <details>
                        <summary>
                          {l('Khai báo xung đột lợi ích', 'Declare a conflict of interest')}
                        </summary>
                        <IntentForm intent="conflict" hidden={{ entryId: e.id }} className="stack">
                          <Field name={`reason-${e.id}`} label={l('Lý do', 'Reason')} required />
                          <button type="submit" aria-describedby={`entry-${e.id}`}>
                            {l('Khai báo và rút điểm', 'Declare and withdraw my score')}
                          </button>
                        </IntentForm>
                      </details>
                    </FormAnswer>
                  )
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {contest.entries.length === 0 && <p>{l('Chưa có bài dự thi.', 'No entries yet.')}</p>}
    </article>
  );
}
