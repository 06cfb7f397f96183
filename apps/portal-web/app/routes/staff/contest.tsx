import { Link } from 'react-router';
import {
  ArchiveShowcaseEntryDocument,
  PromoteContestEntryDocument,
  PublishContestResultsDocument,
  StaffContestDocument,
} from '../../__generated__/graphql';
import { SelectField } from '../../components/list-filters';
import {
  DataTable,
  DateText,
  Field,
  FormError,
  IntentForm,
  ItemHeading,
  Notice,
  Section,
} from '../../components/ui';
import { formValues, promotionProblems, winnersFromForm } from '../../lib/contest-form';
import { loadOrThrow, orNotFound, runOperation } from '../../lib/graphql.server';
import type { MessageKey } from '../../lib/i18n';
import { staffMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { APP_CATEGORIES, SHOWCASE_AWARDS } from '../../lib/showcase';
import { CONTEST_EDITORS } from '../../lib/staff';
import type { Route } from './+types/contest';

/** Ranks offered for winners when a contest names no prizes. */
const DEFAULT_RANKS = [1, 2, 3];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, CONTEST_EDITORS);
  const data = await loadOrThrow(context, StaffContestDocument, { id: params.id }, token);
  return { contest: orNotFound(data.contest) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context, CONTEST_EDITORS);
  const form = await request.formData();
  const intent = form.get('intent');
  const entryId = String(form.get('entryId') ?? '');
  const values = formValues(form);
  if (intent === 'publish') {
    const winners = winnersFromForm(form);
    const r = await runOperation(
      context,
      PublishContestResultsDocument,
      { contestId: params.id, winners },
      token,
    );
    return { intent, entryId: null, ok: r.ok, error: r.ok ? null : r.error, values };
  }
  if (intent === 'promote') {
    const text = (name: string) => String(form.get(`${name}-${entryId}`) ?? '').trim();
    const award = SHOWCASE_AWARDS.find((a) => a === text('award'));
    const input = {
      category: APP_CATEGORIES.find((c) => c === text('category')) ?? 'OTHER',
      tryItUrl: text('tryItUrl'),
      ...(award ? { award } : {}),
      ...(text('demoVideoItemId') ? { demoVideoItemId: text('demoVideoItemId') } : {}),
    };
    const r = await runOperation(context, PromoteContestEntryDocument, { entryId, input }, token);
    return {
      intent,
      entryId,
      ok: r.ok,
      error: r.ok ? null : promotionProblems(r.error, entryId),
      values,
    };
  }
  if (intent === 'archive') {
    const id = String(form.get('showcaseEntryId') ?? '');
    const r = await runOperation(context, ArchiveShowcaseEntryDocument, { id }, token);
    return { intent, entryId, ok: r.ok, error: r.ok ? null : r.error, values };
  }
  throw new Response('unknown action', { status: 400 });
}

export const meta: Route.MetaFunction = staffMeta(
  (l, data) => `${l('Cuộc thi', 'Contest')}: ${data?.contest.title ?? ''}`,
);

export default function StaffContest({ loaderData, actionData: result }: Route.ComponentProps) {
  const { contest } = loaderData;
  const { t, l } = usePortal();
  const standings = contest.standings ?? [];
  const ranks = contest.prizes.length
    ? contest.prizes.map((p) => ({ rank: p.rank, title: p.title }))
    : DEFAULT_RANKS.map((rank) => ({ rank, title: `#${rank}` }));
  const publishResult = result?.intent === 'publish' ? result : undefined;
  return (
    <div>
      <ItemHeading
        back={{ to: '/quan-tri/cuoc-thi', label: l('Cuộc thi', 'Contests') }}
        title={contest.title}
      />
      <p className="meta">
        {contest.status} ·{' '}
        <Link to={`/cuoc-thi/${contest.id}`}>{l('Trang công khai', 'Public page')}</Link>
        {contest.resultsPublishedAt && (
          <>
            {' · '}
            <Link to={`/cuoc-thi/${contest.id}/ket-qua`}>{l('Kết quả', 'Results')}</Link> (
            <DateText iso={contest.resultsPublishedAt} />)
          </>
        )}
      </p>

      {/* Outside the form's section, which goes once the results are published. */}
      {publishResult?.ok && <Notice>{l('Đã công bố kết quả.', 'Results published.')}</Notice>}

      <Section headingId="h-standings" title={l('Bảng điểm', 'Standings')}>
        {standings.length === 0 ? (
          <p>{l('Chưa có bài dự thi.', 'No entries yet.')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="h-standings">
            <DataTable
              testId="standings"
              columns={[
                l('Bài dự thi', 'Entry'),
                l('Điểm giám khảo (0–100)', 'Judges’ score (0–100)'),
                l('Lượt bình chọn', 'Votes'),
              ]}
            >
              {standings.map((s) => (
                <tr key={s.entry.id}>
                  <th scope="row" lang="vi">
                    {s.entry.title}
                    {s.entry.ownerName && <span className="meta"> · {s.entry.ownerName}</span>}
                  </th>
                  <td>{s.judgeScore ?? '—'}</td>
                  <td>{s.votes}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Section>

      {!contest.resultsPublishedAt && standings.length > 0 && (
        <Section
          headingId="h-publish"
          title={l('Công bố kết quả', 'Publish the results')}
          className="panel"
        >
          <p className="hint">
            {l(
              'Chọn bài đạt từng giải. Khi công bố, mọi điểm và lượt bình chọn được công khai.',
              'Pick the entry for each prize. Once published, every score and vote count is public.',
            )}
          </p>
          <FormError error={publishResult?.error} />
          <IntentForm intent="publish" className="stack">
            {ranks.map((p) => (
              <div className="field" key={p.rank}>
                <label htmlFor={`f-rank-${p.rank}`} lang="vi">
                  {p.title}
                </label>
                <select
                  id={`f-rank-${p.rank}`}
                  name={`rank-${p.rank}`}
                  defaultValue={publishResult?.values[`rank-${p.rank}`] ?? ''}
                >
                  <option value="">{l('(không trao)', '(not awarded)')}</option>
                  {standings.map((s) => (
                    <option key={s.entry.id} value={s.entry.id}>
                      {s.entry.title}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit">{l('Công bố kết quả', 'Publish the results')}</button>
          </IntentForm>
        </Section>
      )}

      {contest.resultsPublishedAt && (
        <Section
          headingId="h-showcase"
          title={l('Trưng bày AI-Challenge', 'AI-Challenge showcase')}
        >
          <p className="hint">
            {l(
              'Bài đạt giải được đưa sang thư viện một lần; mục trưng bày xuất hiện sau vài giây.',
              'A winner goes to the library once; its showcase entry appears within seconds.',
            )}
          </p>
          {contest.winners.length === 0 && <p>{l('Không có bài đạt giải.', 'No winners.')}</p>}
          <ul className="queue" data-testid="showcase-winners">
            {contest.winners.map((w) => {
              const mine = result?.entryId === w.entry.id ? result : undefined;
              const id = w.entry.id;
              const value = (name: string) =>
                mine && !mine.ok ? mine.values[`${name}-${id}`] : undefined;
              const showcase = w.entry.showcaseEntry;
              return (
                <li key={`${w.rank}-${id}`} className="card" data-testid={`winner-${id}`}>
                  <h3 id={`winner-${id}`} lang="vi">
                    {w.prize?.title ?? `#${w.rank}`}: {w.entry.title}
                  </h3>
                  {mine?.ok && (
                    <Notice>
                      {mine.intent === 'archive'
                        ? l('Đã gỡ khỏi trưng bày.', 'Taken off the showcase.')
                        : l(
                            'Đã chuyển sang thư viện; mục trưng bày sẽ có sau vài giây.',
                            'Handed to the library; the showcase entry follows within seconds.',
                          )}
                    </Notice>
                  )}
                  <FormError error={mine?.error} />
                  {showcase ? (
                    <>
                      <p data-testid="showcase-status">
                        {l('Trong trưng bày', 'In the showcase')}: {showcase.status} ·{' '}
                        <Link to="/ung-dung/ai-challenge">/ung-dung/ai-challenge</Link> (
                        {showcase.slug})
                      </p>
                      {showcase.status === 'ACTIVE' && (
                        <IntentForm
                          intent="archive"
                          hidden={{ entryId: id, showcaseEntryId: showcase.id }}
                        >
                          <button type="submit" aria-describedby={`winner-${id}`}>
                            {l('Gỡ khỏi trưng bày', 'Take off the showcase')}
                          </button>
                        </IntentForm>
                      )}
                    </>
                  ) : (
                    <IntentForm intent="promote" hidden={{ entryId: id }} className="stack">
                      <SelectField
                        id={`f-category-${id}`}
                        name={`category-${id}`}
                        label={t('category')}
                        options={APP_CATEGORIES}
                        value={value('category') ?? 'OTHER'}
                      />
                      <Field
                        name={`tryItUrl-${id}`}
                        label={l('Địa chỉ dùng thử (http, https)', 'Try-it address (http, https)')}
                        type="url"
                        required
                        error={mine?.error}
                        defaultValue={value('tryItUrl')}
                      />
                      <SelectField
                        id={`f-award-${id}`}
                        name={`award-${id}`}
                        label={t('award')}
                        options={SHOWCASE_AWARDS.map((a) => ({
                          value: a,
                          label: t(`award${a}` as MessageKey),
                        }))}
                        value={value('award')}
                        empty={l('Theo thứ hạng', 'From the rank')}
                      />
                      <Field
                        name={`demoVideoItemId-${id}`}
                        label={l(
                          'Mã video giới thiệu trong thư viện',
                          'Demo video’s library item id',
                        )}
                        hint={l(
                          'Không bắt buộc; một mục VIDEO của thư viện.',
                          'Optional; a VIDEO item of the library.',
                        )}
                        error={mine?.error}
                        defaultValue={value('demoVideoItemId')}
                      />
                      <button type="submit" aria-describedby={`winner-${id}`}>
                        {l('Đưa vào trưng bày', 'Promote to the showcase')}
                      </button>
                    </IntentForm>
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      )}
    </div>
  );
}
