// A survey answered with a plain HTML form: every question type, a draft for signed-in people,
// and the graph's BAD_USER_INPUT problems (`answers.<index>.…`) shown next to their question.
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import {
  SaveSurveyDraftDocument,
  SubmitSurveyResponseDocument,
  SurveyPageDocument,
  type SurveyPageQuery,
} from '../../__generated__/graphql';
import { DateText, FormError, Notice } from '../../components/ui';
import { loadOrThrow, runOperation, type GraphError } from '../../lib/graphql.server';
import { pageMeta, rootData } from '../../lib/meta';
import { useL, usePortal } from '../../lib/portal-data';
import { currentViewer } from '../../lib/session.server';
import { answersFromForm, problemsByQuestion } from '../../lib/survey-form';

type Survey = NonNullable<SurveyPageQuery['survey']>;
type Question = Survey['sections'][number]['questions'][number];
type Answer = {
  questionId: string;
  optionIds: string[];
  rating: number | null;
  ranking: string[];
  text: string | null;
};

async function loadSurvey(request: Request, context: LoaderFunctionArgs['context'], id: string) {
  const { token } = await currentViewer(request, context);
  const data = await loadOrThrow(context, SurveyPageDocument, { id }, token);
  if (!data.survey) throw new Response('not found', { status: 404 });
  return { survey: data.survey, token };
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { survey } = await loadSurvey(request, context, params.id!);
  return { survey };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { survey, token } = await loadSurvey(request, context, params.id!);
  const form = await request.formData();
  const intent = form.get('intent') === 'draft' ? 'draft' : 'submit';
  const { answers, problems } = answersFromForm(survey, form);
  const values: Answer[] = answers.map((a) => ({
    questionId: a.questionId,
    optionIds: a.optionIds ?? [],
    rating: a.rating ?? null,
    ranking: a.ranking ?? [],
    text: a.text ?? null,
  }));
  const fieldErrors: Record<string, string> = {};
  if (Object.keys(problems).length) {
    for (const [questionId, problem] of Object.entries(problems)) fieldErrors[questionId] = problem;
    return { intent, ok: false, error: null as GraphError | null, fieldErrors, values };
  }
  const result =
    intent === 'draft'
      ? await runOperation(
          context,
          SaveSurveyDraftDocument,
          { surveyId: survey.id, answers },
          token,
        )
      : await runOperation(
          context,
          SubmitSurveyResponseDocument,
          { surveyId: survey.id, answers },
          token,
        );
  if (result.ok) return { intent, ok: true, error: null, fieldErrors, values };
  Object.assign(fieldErrors, problemsByQuestion(answers, result.error.paths ?? {}));
  const unplaced = Object.keys(fieldErrors).length === 0 || result.error.code !== 'BAD_USER_INPUT';
  return { intent, ok: false, error: unplaced ? result.error : null, fieldErrors, values };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: 'Không tìm thấy' }];
  return pageMeta(rootData(matches), {
    title: data.survey.title,
    description: data.survey.description ?? undefined,
    path: `/khao-sat/${data.survey.id}`,
  });
};

/** The graph's messages are English; the common ones read better in the page's language. */
function useProblemText() {
  const l = useL();
  return (message: string) => {
    if (message === 'rankDuplicate')
      return l('Mỗi thứ hạng chỉ được dùng một lần.', 'Use each rank only once.');
    if (message === 'rankIncomplete')
      return l('Hãy xếp hạng tất cả các lựa chọn.', 'Rank every option.');
    if (/required/.test(message))
      return l('Câu hỏi này bắt buộc trả lời.', 'This question is required.');
    const most = /at most (\d+) options/.exec(message);
    if (most)
      return l(`Chỉ chọn tối đa ${most[1]} lựa chọn.`, `Choose at most ${most[1]} options.`);
    const least = /at least (\d+) options/.exec(message);
    if (least)
      return l(`Chọn ít nhất ${least[1]} lựa chọn.`, `Choose at least ${least[1]} options.`);
    return message;
  };
}

function QuestionField({
  q,
  number,
  value,
  error,
  disabled,
}: {
  q: Question;
  number: number;
  value: Answer | undefined;
  error: string | undefined;
  disabled: boolean;
}) {
  const { t } = usePortal();
  const l = useL();
  const problemText = useProblemText();
  const id = `q-${q.id}`;
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  let hint = '';
  if (q.type === 'MULTIPLE_CHOICE') {
    if (q.minChoices && q.maxChoices)
      hint = l(
        `Chọn từ ${q.minChoices} đến ${q.maxChoices} lựa chọn.`,
        `Choose ${q.minChoices} to ${q.maxChoices} options.`,
      );
    else if (q.maxChoices)
      hint = l(`Chọn tối đa ${q.maxChoices} lựa chọn.`, `Choose at most ${q.maxChoices} options.`);
    else if (q.minChoices)
      hint = l(
        `Chọn ít nhất ${q.minChoices} lựa chọn.`,
        `Choose at least ${q.minChoices} options.`,
      );
    else hint = l('Có thể chọn nhiều lựa chọn.', 'You may choose several options.');
  } else if (q.type === 'RANKING')
    hint = l(
      'Đánh số 1 cho lựa chọn ưu tiên nhất; mỗi số dùng một lần.',
      'Give 1 to the option you prefer most; use each number once.',
    );
  else if (q.maxLength)
    hint = l(`Tối đa ${q.maxLength} ký tự.`, `At most ${q.maxLength} characters.`);
  const describedBy =
    [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  const legend = (
    <>
      {number}. <span lang="vi">{q.text}</span>
      {q.required && (
        <>
          <span aria-hidden="true"> *</span>
          <span className="visually-hidden"> ({t('required')})</span>
        </>
      )}
    </>
  );
  const footer = (
    <>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errId}>
          {problemText(error)}
        </p>
      )}
    </>
  );
  if (q.type === 'SHORT_TEXT' || q.type === 'LONG_TEXT') {
    const common = {
      id,
      name: `q.${q.id}`,
      required: q.required,
      disabled,
      maxLength: q.maxLength ?? undefined,
      defaultValue: value?.text ?? '',
      'aria-invalid': invalid,
      'aria-describedby': describedBy,
    };
    return (
      <div className="field question" data-testid={`question-${q.id}`}>
        <label htmlFor={id}>{legend}</label>
        {q.type === 'LONG_TEXT' ? (
          <textarea {...common} rows={5} />
        ) : (
          <input type="text" {...common} />
        )}
        {footer}
      </div>
    );
  }
  return (
    <fieldset className="question" data-testid={`question-${q.id}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {(q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE') &&
        q.options.map((o) => (
          <div className="radio" key={o.id}>
            <input
              type={q.type === 'SINGLE_CHOICE' ? 'radio' : 'checkbox'}
              id={`${id}-${o.id}`}
              name={`q.${q.id}`}
              value={o.id}
              required={q.type === 'SINGLE_CHOICE' && q.required}
              disabled={disabled}
              defaultChecked={value?.optionIds.includes(o.id)}
              aria-invalid={invalid}
            />
            <label htmlFor={`${id}-${o.id}`} lang="vi">
              {o.label}
            </label>
          </div>
        ))}
      {q.type === 'RATING' && (
        <div className="rating">
          {Array.from(
            { length: (q.scaleMax ?? 5) - (q.scaleMin ?? 1) + 1 },
            (_, i) => (q.scaleMin ?? 1) + i,
          ).map((v) => {
            const end =
              v === q.scaleMin && q.scaleMinLabel
                ? ` — ${q.scaleMinLabel}`
                : v === q.scaleMax && q.scaleMaxLabel
                  ? ` — ${q.scaleMaxLabel}`
                  : '';
            return (
              <div className="radio" key={v}>
                <input
                  type="radio"
                  id={`${id}-${v}`}
                  name={`q.${q.id}`}
                  value={v}
                  required={q.required}
                  disabled={disabled}
                  defaultChecked={value?.rating === v}
                  aria-invalid={invalid}
                />
                <label htmlFor={`${id}-${v}`}>
                  {v}
                  <span lang="vi">{end}</span>
                </label>
              </div>
            );
          })}
        </div>
      )}
      {q.type === 'RANKING' &&
        q.options.map((o) => {
          const rank = value ? value.ranking.indexOf(o.id) + 1 : 0;
          return (
            <div className="field inline-field" key={o.id}>
              <label htmlFor={`${id}-${o.id}`} lang="vi">
                {o.label}
              </label>
              <select
                id={`${id}-${o.id}`}
                name={`r.${q.id}.${o.id}`}
                defaultValue={rank > 0 ? String(rank) : ''}
                required={q.required}
                disabled={disabled}
                aria-invalid={invalid}
              >
                <option value="">{l('— thứ hạng —', '— rank —')}</option>
                {q.options.map((_, i) => (
                  <option key={i} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      {footer}
    </fieldset>
  );
}

export default function SurveyPage() {
  const { survey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, viewer } = usePortal();
  const l = useL();
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
      <p className="breadcrumb">
        <Link to="/khao-sat">{t('surveys')}</Link>
      </p>
      <h1 lang="vi">{survey.title}</h1>
      {survey.description && <p lang="vi">{survey.description}</p>}
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
        <p>
          <Link to={`/dang-nhap?tiep=/khao-sat/${survey.id}`}>
            {l('Đăng nhập để trả lời khảo sát này.', 'Sign in to answer this survey.')}
          </Link>
        </p>
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
