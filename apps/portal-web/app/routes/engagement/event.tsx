import { Link } from 'react-router';
import {
  AskEventQuestionDocument,
  CancelEventRegistrationDocument,
  EventPageDocument,
  RegisterForEventDocument,
  VoteEventQuestionDocument,
} from '../../__generated__/graphql';
import {
  Fact,
  Field,
  FormError,
  IntentForm,
  ItemHeading,
  Notice,
  Section,
  SignInPrompt,
} from '../../components/ui';
import { loadOrThrow, orNotFound, runOperation, type GraphError } from '../../lib/graphql.server';
import { formatDateTime } from '../../lib/i18n';
import { describedMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { currentViewer, requireViewer } from '../../lib/session.server';
import type { Route } from './+types/event';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token } = await currentViewer(request, context);
  const data = await loadOrThrow(context, EventPageDocument, { id: params.id }, token);
  return { event: orNotFound(data.event) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const eventId = params.id;
  const { token } = await requireViewer(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  let result: { ok: boolean; error?: GraphError };
  switch (intent) {
    case 'register':
      result = await runOperation(context, RegisterForEventDocument, { eventId }, token);
      break;
    case 'cancel':
      result = await runOperation(context, CancelEventRegistrationDocument, { eventId }, token);
      break;
    case 'ask':
      result = await runOperation(
        context,
        AskEventQuestionDocument,
        { eventId, text: String(form.get('text') ?? '') },
        token,
      );
      break;
    case 'vote':
      result = await runOperation(
        context,
        VoteEventQuestionDocument,
        { questionId: String(form.get('questionId') ?? '') },
        token,
      );
      break;
    default:
      throw new Response('unknown action', { status: 400 });
  }
  return { intent, ok: result.ok, error: result.ok ? null : (result.error ?? null) };
}

export const meta: Route.MetaFunction = describedMeta(
  (data) => data.event,
  (event) => `/su-kien/${event.id}`,
);

export default function EventPage({ loaderData, actionData: result }: Route.ComponentProps) {
  const { event } = loaderData;
  const { t, viewer, lang, l } = usePortal();
  const when = (iso: string) => (
    <time dateTime={iso}>{formatDateTime(lang, iso, event.timeZone)}</time>
  );
  const time = (iso: string) => (
    <time dateTime={iso}>
      {new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
        timeStyle: 'short',
        timeZone: event.timeZone,
      }).format(new Date(iso))}
    </time>
  );
  const registration = event.myRegistration?.status === 'CANCELLED' ? null : event.myRegistration;
  const ended = new Date(event.endsAt).getTime() < Date.now();
  const questions = [...event.questions].sort((a, b) => b.votes - a.votes);
  return (
    <article className="narrow event">
      <ItemHeading
        back={{ to: ended ? '/su-kien/da-dien-ra' : '/su-kien', label: t('events') }}
        title={event.title}
      />
      {event.status === 'CANCELLED' && (
        <p className="notice error">{l('Sự kiện đã bị hủy.', 'This event was cancelled.')}</p>
      )}
      <dl className="facts">
        <dt>{l('Thời gian', 'When')}</dt>
        <dd data-testid="event-time">
          {when(event.startsAt)} – {time(event.endsAt)}{' '}
          <span className="meta">({event.timeZone})</span>
        </dd>
        <Fact term={l('Địa điểm', 'Venue')} lang="vi">
          {event.venue}
        </Fact>
        <Fact term={l('Trực tuyến', 'Online')}>
          {event.onlineUrl && (
            <a href={event.onlineUrl} rel="noopener noreferrer">
              {l('Đường dẫn tham gia, xem trực tiếp', 'Join or watch live')}
            </a>
          )}
        </Fact>
        <dt>{l('Chỗ', 'Seats')}</dt>
        <dd>
          {l(
            `${event.confirmedCount}/${event.capacity} đã đăng ký, ${event.waitlistCount} chờ`,
            `${event.confirmedCount}/${event.capacity} taken, ${event.waitlistCount} waiting`,
          )}
        </dd>
      </dl>
      {event.description && <p lang="vi">{event.description}</p>}
      {event.recording && (
        <p className="panel">
          {l('Bản ghi và tài liệu:', 'Recording and slides:')}{' '}
          <Link to={`/thu-vien/${event.recording.slug}`} data-testid="event-recording" lang="vi">
            {event.recording.title}
          </Link>
        </p>
      )}

      <FormError error={result?.error} />
      {result?.ok && result.intent === 'register' && (
        <Notice>
          {l(
            'Đã đăng ký. Thư xác nhận kèm lịch (.ics) đã được gửi đến bạn.',
            'Registered. A confirmation mail with a calendar invitation is on its way.',
          )}
        </Notice>
      )}
      {result?.ok && result.intent === 'cancel' && (
        <Notice>{l('Đã hủy đăng ký.', 'Registration cancelled.')}</Notice>
      )}
      {result?.ok && result.intent === 'ask' && (
        <Notice>{l('Đã gửi câu hỏi.', 'Your question was sent.')}</Notice>
      )}

      {!ended && event.status !== 'CANCELLED' && (
        <section aria-labelledby="h-registration" className="actions">
          <h2 id="h-registration" className="visually-hidden">
            {l('Đăng ký', 'Registration')}
          </h2>
          {!viewer ? (
            <SignInPrompt returnTo={`/su-kien/${event.id}`}>
              {l('Đăng nhập để đăng ký tham dự', 'Sign in to register')}
            </SignInPrompt>
          ) : registration ? (
            <>
              <p data-testid="registration-status">
                {registration.status === 'CONFIRMED'
                  ? l('Bạn đã đăng ký tham dự.', 'You are registered.')
                  : l(
                      `Bạn đang trong danh sách chờ (vị trí ${registration.waitlistPosition ?? '?'}).`,
                      `You are on the waitlist (position ${registration.waitlistPosition ?? '?'}).`,
                    )}
              </p>
              <IntentForm intent="cancel">
                <button type="submit">{l('Hủy đăng ký', 'Cancel registration')}</button>
              </IntentForm>
            </>
          ) : (
            <IntentForm intent="register">
              <button type="submit">{l('Đăng ký tham dự', 'Register')}</button>
            </IntentForm>
          )}
        </section>
      )}

      {event.speakers.length > 0 && (
        <Section headingId="h-speakers" title={l('Diễn giả', 'Speakers')}>
          <ul lang="vi">
            {event.speakers.map((s) => (
              <li key={s.name}>
                <strong>{s.name}</strong>
                {[s.title, s.organization].filter(Boolean).length > 0 &&
                  ` — ${[s.title, s.organization].filter(Boolean).join(', ')}`}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {event.agenda.length > 0 && (
        <Section headingId="h-agenda" title={l('Chương trình', 'Agenda')}>
          <ol className="article-list" lang="vi">
            {event.agenda.map((a) => (
              <li key={`${a.startsAt}-${a.title}`}>
                {time(a.startsAt)} — {a.title}
                {a.speaker && <span className="meta"> ({a.speaker})</span>}
              </li>
            ))}
          </ol>
        </Section>
      )}

      <Section
        headingId="h-questions"
        title={l('Câu hỏi cho diễn giả', 'Questions for the speakers')}
      >
        {questions.length === 0 && <p>{l('Chưa có câu hỏi.', 'No questions yet.')}</p>}
        <ul className="article-list" data-testid="event-questions">
          {questions.map((q) => (
            <li key={q.id}>
              <p lang="vi">{q.text}</p>
              <p className="meta">
                {q.authorName && <span lang="vi">{q.authorName} · </span>}
                <span data-testid="question-votes">{q.votes}</span> {t('votes')}
                {q.answered && ` · ${l('Đã trả lời', 'Answered')}`}
              </p>
              {viewer && !q.viewerHasVoted && (
                <IntentForm intent="vote" hidden={{ questionId: q.id }} className="inline">
                  <button type="submit" aria-label={`${t('vote')}: ${q.text}`}>
                    {t('vote')}
                  </button>
                </IntentForm>
              )}
              {viewer && q.viewerHasVoted && (
                <p className="meta">
                  {l('Bạn đã ủng hộ câu hỏi này.', 'You support this question.')}
                </p>
              )}
            </li>
          ))}
        </ul>
        {viewer && event.status !== 'CANCELLED' && (
          <IntentForm intent="ask" className="stack">
            <Field
              name="text"
              label={l('Câu hỏi của bạn', 'Your question')}
              multiline
              rows={3}
              required
              error={result?.intent === 'ask' ? result.error : null}
            />
            <button type="submit">{l('Gửi câu hỏi', 'Send question')}</button>
          </IntentForm>
        )}
      </Section>
    </article>
  );
}
