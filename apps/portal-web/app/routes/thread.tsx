import { sanitizeRichText } from '@portal/html';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Form, Link } from 'react-router';
import {
  FlagContentDocument,
  FollowThreadDocument,
  ForumThreadDocument,
  RecordThreadViewDocument,
  ReplyToThreadDocument,
  ThreadExtrasDocument,
  ThreadPollDocument,
  UnfollowThreadDocument,
  UnvoteThreadDocument,
  VoteThreadDocument,
  type FlagReason,
} from '../__generated__/graphql';
import { PollPanel } from '../components/poll';
import {
  DateText,
  Field,
  FormError,
  IntentForm,
  ItemHeading,
  Notice,
  SignInPrompt,
} from '../components/ui';
import { loadOrThrow, orNotFound, runOperation, type GraphError } from '../lib/graphql.server';
import { detailMeta } from '../lib/meta';
import { recordPageView } from '../lib/page-view.server';
import { usePortal } from '../lib/portal-data';
import { currentViewer, requireViewer } from '../lib/session.server';
import { sendSurveyForm, type AnswerOutcome } from '../lib/survey-answer.server';
import type { Route } from './+types/thread';

const REASONS: FlagReason[] = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER'];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const id = params.id;
  const { token } = await currentViewer(request, context);
  const [page, extras, poll] = await Promise.all([
    loadOrThrow(context, ForumThreadDocument, { id }, token),
    runOperation(context, ThreadExtrasDocument, { id }, token),
    runOperation(context, ThreadPollDocument, { id }, token),
  ]);
  const thread = orNotFound(page.thread);
  await recordPageView(request, context, RecordThreadViewDocument, (view) => ({ id, view }));
  return {
    poll: poll.ok ? (poll.data.thread?.poll ?? null) : null,
    thread: {
      ...thread,
      body: sanitizeRichText(thread.body),
      officialAnswer: thread.officialAnswer
        ? { ...thread.officialAnswer, body: sanitizeRichText(thread.officialAnswer.body) }
        : null,
      replies: {
        ...thread.replies,
        nodes: thread.replies.nodes.map((r) => ({ ...r, body: sanitizeRichText(r.body) })),
      },
    },
    extras: extras.ok ? extras.data.thread : null,
  };
}

/** The thread's actions that need nothing but its id, by their form's intent. */
const ID_ACTIONS = new Map<string, TypedDocumentNode<unknown, { id: string }>>([
  ['vote', VoteThreadDocument],
  ['unvote', UnvoteThreadDocument],
  ['follow', FollowThreadDocument],
  ['unfollow', UnfollowThreadDocument],
]);

export async function action({ params, request, context }: Route.ActionArgs) {
  const id = params.id;
  const form = await request.formData();
  const intent = String(form.get('intent'));
  if (intent === 'poll') {
    // Polls may be open to anyone, signed in or not.
    const { token } = await currentViewer(request, context);
    const data = await loadOrThrow(context, ThreadPollDocument, { id }, token);
    const poll = orNotFound(data.thread?.poll);
    const outcome = await sendSurveyForm(context, poll, form, 'submit', token);
    return { intent, error: null, notice: null, poll: outcome };
  }
  const { token } = await requireViewer(request, context);
  let error: GraphError | null = null;
  let notice: string | null = null;
  const run = async (result: Promise<{ ok: boolean; error?: GraphError }>) => {
    const r = await result;
    if (!r.ok) error = r.error ?? null;
    return r.ok;
  };
  switch (intent) {
    case 'flag': {
      const reason = REASONS.find((r) => r === form.get('reason')) ?? 'OTHER';
      const targetId = String(form.get('targetId') || id);
      if (await run(runOperation(context, FlagContentDocument, { targetId, reason }, token)))
        notice = 'flagged';
      break;
    }
    case 'reply': {
      const body = String(form.get('body') ?? '');
      await run(runOperation(context, ReplyToThreadDocument, { threadId: id, body }, token));
      break;
    }
    default: {
      const document = ID_ACTIONS.get(intent);
      if (!document) throw new Response('unknown action', { status: 400 });
      await run(runOperation(context, document, { id }, token));
    }
  }
  return { intent, error, notice, poll: null as AnswerOutcome | null };
}

export const meta: Route.MetaFunction = detailMeta((data) => ({
  title: data.thread.title,
  path: `/dien-dan/${data.thread.id}`,
  type: 'article',
}));

function FlagForm({ targetId, label }: { targetId: string; label: string }) {
  const { t } = usePortal();
  return (
    <details className="flag">
      <summary>{t('flag')}</summary>
      <IntentForm intent="flag" hidden={{ targetId }} className="inline">
        <label htmlFor={`reason-${targetId}`}>{t('flagReason')}</label>
        <select id={`reason-${targetId}`} name="reason" defaultValue="SPAM">
          {REASONS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <button type="submit" aria-label={`${t('flag')}: ${label}`}>
          {t('send')}
        </button>
      </IntentForm>
    </details>
  );
}

export default function Thread({ loaderData, actionData: result }: Route.ComponentProps) {
  const { thread, extras, poll } = loaderData;
  const { t, viewer, lang } = usePortal();
  const department = extras?.officialAnswer?.department?.name ?? extras?.department?.name;
  return (
    <article className="thread">
      <ItemHeading back={{ to: '/dien-dan', label: t('forum') }} title={thread.title} />
      <p className="meta">
        {t(`kind${thread.kind}`)} ·{' '}
        <span data-testid="thread-status">{t(`status${thread.status}`)}</span> ·{' '}
        {thread.author?.displayName} · <DateText iso={thread.createdAt} />
        {thread.referral && (
          <>
            {' · '}
            {t('trackingCode')}:{' '}
            <Link to={`/tra-cuu-phan-anh?ma=${thread.referral.trackingCode}`}>
              {thread.referral.trackingCode}
            </Link>
          </>
        )}
      </p>
      <div className="prose" lang="vi" dangerouslySetInnerHTML={{ __html: thread.body }} />
      {poll && <PollPanel poll={poll} outcome={result?.poll} path={`/dien-dan/${thread.id}`} />}

      <FormError error={result?.error} />
      {result?.notice === 'flagged' && <Notice>{t('flagged')}</Notice>}

      <div className="actions">
        <p>
          <strong data-testid="vote-count">{thread.voteCount}</strong> {t('votes')}
        </p>
        {viewer ? (
          <>
            <Form method="post">
              <input
                type="hidden"
                name="intent"
                value={thread.viewerHasVoted ? 'unvote' : 'vote'}
              />
              <button type="submit" aria-pressed={thread.viewerHasVoted}>
                {thread.viewerHasVoted ? t('unvote') : t('vote')}
              </button>
            </Form>
            <Form method="post">
              <input
                type="hidden"
                name="intent"
                value={extras?.viewerIsFollowing ? 'unfollow' : 'follow'}
              />
              <button type="submit" aria-pressed={extras?.viewerIsFollowing ?? false}>
                {extras?.viewerIsFollowing ? t('unfollow') : t('follow')}
              </button>
            </Form>
            <FlagForm targetId={thread.id} label={thread.title} />
          </>
        ) : (
          <SignInPrompt returnTo={`/dien-dan/${thread.id}`}>{t('signInToAct')}</SignInPrompt>
        )}
      </div>

      {thread.officialAnswer && (
        <section className="official-answer" aria-labelledby="h-official">
          <h2 id="h-official">
            {t('officialAnswer')}
            {department ? ` — ${department}` : ''}
          </h2>
          <div
            className="prose"
            lang="vi"
            dangerouslySetInnerHTML={{ __html: thread.officialAnswer.body }}
          />
          <p className="meta">
            {thread.officialAnswer.author?.displayName} ·{' '}
            <DateText iso={thread.officialAnswer.createdAt} />
          </p>
        </section>
      )}

      <section aria-labelledby="h-replies">
        <h2 id="h-replies">
          {thread.replyCount} {t('replies')}
        </h2>
        <ol className="replies">
          {thread.replies.nodes.map((r) => (
            <li key={r.id}>
              <div className="prose" lang="vi" dangerouslySetInnerHTML={{ __html: r.body }} />
              <p className="meta">
                {r.author?.displayName} · <DateText iso={r.createdAt} />
              </p>
              {viewer && <FlagForm targetId={r.id} label={r.author?.displayName ?? ''} />}
            </li>
          ))}
        </ol>
        {viewer && (
          <IntentForm intent="reply" className="stack" lang={lang}>
            <Field
              name="body"
              label={t('yourReply')}
              multiline
              rows={4}
              required
              error={result?.intent === 'reply' ? result.error : null}
            />
            <button type="submit">{t('reply')}</button>
          </IntentForm>
        )}
      </section>
    </article>
  );
}
