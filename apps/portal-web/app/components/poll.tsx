// A quick poll shown with an article or a forum thread (the contract's ArticlePoll and
// ThreadPoll): its question as the survey page's form fields, answered with a plain form post
// to the page (enhanced when JavaScript loads), and its public results as the results page
// shows them, when the poll's results policy makes them public.
import { Form, Link } from 'react-router';
import type { ArticlePollQuery } from '../__generated__/graphql';
import type { AnswerOutcome } from '../lib/survey-answer.server';
import { usePortal } from '../lib/portal-data';
import { QuestionField, QuestionResults } from './survey';
import { FormError, Notice, Section, SignInPrompt } from './ui';

/** A poll as ArticlePoll and ThreadPoll select it. */
export type PollView = NonNullable<NonNullable<ArticlePollQuery['article']>['poll']>;

export function PollPanel({
  poll,
  outcome,
  path,
}: {
  poll: PollView;
  /** What the page's action answered when the poll's form was sent. */
  outcome: AnswerOutcome | null | undefined;
  /** The page's own path, to come back to after signing in. */
  path: string;
}) {
  const { viewer, l } = usePortal();
  const questions = poll.sections.flatMap((s) => s.questions);
  const values = new Map(
    outcome && !outcome.ok ? outcome.values.map((a) => [a.questionId, a]) : [],
  );
  const answered = outcome?.ok ?? false;
  const canAnswer = poll.viewerCanAnswer && !answered;
  const results = new Map(poll.results?.questions.map((r) => [r.questionId, r]) ?? []);
  return (
    <Section
      headingId="h-poll"
      title={l('Bình chọn nhanh', 'Quick poll')}
      className="panel poll"
      testId="poll"
    >
      {questions.length !== 1 || questions[0]?.text !== poll.title ? (
        <p lang="vi">{poll.title}</p>
      ) : null}
      {answered && (
        <Notice>
          <span data-testid="poll-done">
            {l('Cảm ơn bạn đã bình chọn.', 'Thank you for voting.')}
          </span>
        </Notice>
      )}
      <FormError error={outcome?.error} />
      {canAnswer ? (
        <Form method="post" className="stack" preventScrollReset>
          <input type="hidden" name="intent" value="poll" />
          {questions.map((q, i) => (
            <QuestionField
              key={q.id}
              q={q}
              number={i + 1}
              value={values.get(q.id)}
              error={outcome?.fieldErrors[q.id]}
              disabled={false}
            />
          ))}
          <div className="actions">
            <button type="submit">{l('Gửi bình chọn', 'Vote')}</button>
          </div>
        </Form>
      ) : (
        <>
          {poll.status === 'OPEN' && !viewer && !answered && (
            <SignInPrompt returnTo={path}>
              {l('Đăng nhập để bình chọn.', 'Sign in to vote.')}
            </SignInPrompt>
          )}
          {poll.results ? (
            <div data-testid="poll-results">
              <p className="meta">
                {poll.results.responseCount} {l('lượt bình chọn', 'votes')}
              </p>
              {questions.map((q) => (
                <div key={q.id}>
                  <h3 lang="vi">{q.text}</h3>
                  <QuestionResults q={q} r={results.get(q.id)} />
                </div>
              ))}
            </div>
          ) : (
            <p>
              {l(
                'Kết quả bình chọn chưa được công bố.',
                'The results of this poll are not public yet.',
              )}
            </p>
          )}
        </>
      )}
      {poll.results && canAnswer && (
        <p>
          <Link to={`/khao-sat/${poll.id}/ket-qua`}>{l('Xem kết quả', 'See results')}</Link>
        </p>
      )}
    </Section>
  );
}
