// A survey answered with a plain HTML form: every question type, a draft for signed-in people,
// and the graph's BAD_USER_INPUT problems (`answers.<index>.…`) shown next to their question.
import { Form, Link } from 'react-router';
import { SurveyPageDocument } from '../../__generated__/graphql';
import { QuestionField, type Answer } from '../../components/survey';
import { DateText, FormError, ItemHeading, Notice, SignInPrompt } from '../../components/ui';
import { loadOrThrow, orNotFound } from '../../lib/graphql.server';
import { describedMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { currentViewer } from '../../lib/session.server';
import { sendSurveyForm } from '../../lib/survey-answer.server';
import type { Route } from './+types/survey';

async function loadSurvey(request: Request, context: Route.LoaderArgs['context'], id: string) {
  const { token } = await currentViewer(request, context);
  const data = await loadOrThrow(context, SurveyPageDocument, { id }, token);
  return { survey: orNotFound(data.survey), token };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { survey } = await loadSurvey(request, context, params.id);
  return { survey };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { survey, token } = await loadSurvey(request, context, params.id);
  const form = await request.formData();
  const intent = form.get('intent') === 'draft' ? 'draft' : 'submit';
  return { intent, ...(await sendSurveyForm(context, survey, form, intent, token)) };
}

export const meta: Route.MetaFunction = describedMeta(
  (data) => data.survey,
  (survey) => `/khao-sat/${survey.id}`,
);

export default function SurveyPage({ loaderData, actionData: result }: Route.ComponentProps) {
  const { survey } = loaderData;
  const { t, viewer, l } = usePortal();
  const submitted =
    survey.myResponse?.state === 'SUBMITTED' || (result?.ok && result.intent === 'submit');
  const needsSignIn = !viewer && survey.audience !== 'ANYONE';
  const canAnswer = survey.viewerCanAnswer && !submitted;
  const saved = survey.myResponse?.state === 'DRAFT' ? survey.myResponse.answers : [];
  const values = new Map<string, Answer>(
    (result && !result.ok ? result.values : saved).map((a) => [a.questionId, a]),
  );
  const resultsPublic =
    survey.resultsVisibility === 'LIVE' ||
    (survey.resultsVisibility === 'AFTER_CLOSE' && survey.status === 'CLOSED');
  let number = 0;
  return (
    <article className="narrow survey">
      <ItemHeading
        back={{ to: '/khao-sat', label: t('surveys') }}
        title={survey.title}
        description={survey.description}
      />
      <p className="meta">
        {survey.status === 'OPEN'
          ? l('Đang mở', 'Open')
          : survey.status === 'CLOSED'
            ? l('Đã đóng', 'Closed')
            : l('Chưa mở', 'Not open yet')}
        {survey.closesAt && (
          <>
            {' · '}
            {l('Hạn chót', 'Closes')} <DateText iso={survey.closesAt} />
          </>
        )}
        {' · '}
        {survey.anonymous
          ? l('Trả lời ẩn danh', 'Anonymous answers')
          : l('Ghi nhận người trả lời', 'Named answers')}
        {resultsPublic && (
          <>
            {' · '}
            <Link to={`/khao-sat/${survey.id}/ket-qua`}>{l('Xem kết quả', 'See results')}</Link>
          </>
        )}
      </p>

      {submitted && (
        <Notice>
          <span data-testid="survey-done">
            {l(
              'Cảm ơn bạn đã tham gia khảo sát. Câu trả lời đã được ghi nhận.',
              'Thank you for taking part. Your answers were recorded.',
            )}
          </span>{' '}
          {resultsPublic && (
            <Link to={`/khao-sat/${survey.id}/ket-qua`}>{l('Xem kết quả', 'See results')} →</Link>
          )}
        </Notice>
      )}
      {result?.ok && result.intent === 'draft' && (
        <Notice>
          {l(
            'Đã lưu bản nháp. Bạn có thể quay lại hoàn thành sau.',
            'Draft saved. You can come back and finish later.',
          )}
        </Notice>
      )}
      {result && !result.ok && Object.keys(result.fieldErrors).length > 0 && (
        <div className="notice error" role="alert">
          <p>
            {l(
              'Vui lòng kiểm tra các câu trả lời được đánh dấu.',
              'Please check the answers marked below.',
            )}
          </p>
        </div>
      )}
      <FormError error={result?.error} />

      {needsSignIn && !submitted && (
        <SignInPrompt returnTo={`/khao-sat/${survey.id}`}>
          {l('Đăng nhập để trả lời khảo sát này.', 'Sign in to answer this survey.')}
        </SignInPrompt>
      )}
      {!needsSignIn && !canAnswer && !submitted && (
        <p>
          {l('Bạn không thể trả lời khảo sát này lúc này.', 'You cannot answer this survey now.')}
        </p>
      )}
      {canAnswer && (
        <Form method="post" className="stack">
          <p className="hint">
            {l('Câu hỏi có dấu * là bắt buộc.', 'Questions marked * are required.')}
          </p>
          {survey.sections.map((section) => (
            <section key={section.id} aria-labelledby={`s-${section.id}`}>
              <h2 id={`s-${section.id}`} lang="vi">
                {section.title}
              </h2>
              {section.description && <p lang="vi">{section.description}</p>}
              {section.questions.map((q) => (
                <QuestionField
                  key={q.id}
                  q={q}
                  number={++number}
                  value={values.get(q.id)}
                  error={result?.fieldErrors[q.id]}
                  disabled={false}
                />
              ))}
            </section>
          ))}
          <div className="actions">
            <button type="submit" name="intent" value="submit">
              {l('Gửi câu trả lời', 'Submit answers')}
            </button>
            {viewer && (
              <button
                type="submit"
                name="intent"
                value="draft"
                formNoValidate
                className="secondary"
              >
                {l('Lưu nháp', 'Save draft')}
              </button>
            )}
          </div>
        </Form>
      )}
    </article>
  );
}
