// The parts of a survey every page that shows one uses (the survey page, its results, the
// polls shown with articles and threads): a question as form fields, and a question's results.
import type { QuestionType } from '../__generated__/graphql';
import { formatShare } from '../lib/i18n';
import { usePortal } from '../lib/portal-data';
import { DataTable } from './ui';

/** What a question field needs: SurveyPage's questions; a poll's carry fewer of the details. */
export interface QuestionView {
  id: string;
  type: QuestionType;
  text: string;
  required?: boolean;
  options: readonly { id: string; label: string }[];
  minChoices: number | null;
  maxChoices: number | null;
  scaleMin?: number | null;
  scaleMax?: number | null;
  scaleMinLabel?: string | null;
  scaleMaxLabel?: string | null;
  maxLength?: number | null;
}

/** An answer as the form shows it again (a draft, or what was sent when the graph refused it). */
export type Answer = {
  questionId: string;
  optionIds: string[];
  rating: number | null;
  ranking: string[];
  text: string | null;
};

/** The graph's messages are English; the common ones read better in the page's language. */
function useProblemText() {
  const { l } = usePortal();
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

/** A question as plain form fields (`q.<question>`, `r.<question>.<option>`; see survey-form). */
export function QuestionField({
  q,
  number,
  value,
  error,
  disabled,
}: {
  q: QuestionView;
  number: number;
  value: Answer | undefined;
  error: string | undefined;
  disabled: boolean;
}) {
  const { t, l } = usePortal();
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

/** What a question's results need: SurveyResults' questions; a poll's carry fewer details. */
export interface QuestionResultView {
  answered: number;
  averageRating?: number | null;
  options: readonly {
    optionId: string;
    label: string;
    count: number;
    share: number;
    averageRank?: number | null;
  }[];
  ratings?: readonly { value: number; count: number; share: number }[];
}

/** A share of the answers: a meter for the eye, the percentage for everyone. */
function ShareCell({ share }: { share: number }) {
  const { lang } = usePortal();
  return (
    <td>
      <meter min={0} max={1} value={share} aria-hidden="true" /> {formatShare(lang, share)}
    </td>
  );
}

/** A question's public results: how many answered, counts and shares per option or value. */
export function QuestionResults({
  q,
  r,
}: {
  q: Pick<QuestionView, 'type' | 'text'>;
  r: QuestionResultView | undefined;
}) {
  const { l } = usePortal();
  const text = q.type === 'SHORT_TEXT' || q.type === 'LONG_TEXT';
  return (
    <>
      <p className="meta">
        {r?.answered ?? 0} {l('người trả lời câu này', 'answered this question')}
        {r?.averageRating != null && (
          <>
            {' · '}
            {l('Điểm trung bình', 'Average')}: {r.averageRating.toFixed(2)}
          </>
        )}
      </p>
      {text && (
        <p>{l('Câu trả lời tự do không được công bố.', 'Free-text answers are not published.')}</p>
      )}
      {r && r.options.length > 0 && (
        <DataTable
          caption={q.text}
          columns={[
            l('Lựa chọn', 'Option'),
            l('Số lượt', 'Count'),
            l('Tỷ lệ', 'Share'),
            ...(q.type === 'RANKING' ? [l('Thứ hạng trung bình', 'Average rank')] : []),
          ]}
        >
          {r.options.map((o) => (
            <tr key={o.optionId}>
              <th scope="row" lang="vi">
                {o.label}
              </th>
              <td>{o.count}</td>
              <ShareCell share={o.share} />
              {q.type === 'RANKING' && <td>{o.averageRank?.toFixed(2) ?? '—'}</td>}
            </tr>
          ))}
        </DataTable>
      )}
      {r?.ratings && r.ratings.length > 0 && (
        <DataTable
          caption={q.text}
          columns={[l('Mức', 'Value'), l('Số lượt', 'Count'), l('Tỷ lệ', 'Share')]}
        >
          {r.ratings.map((v) => (
            <tr key={v.value}>
              <th scope="row">{v.value}</th>
              <td>{v.count}</td>
              <ShareCell share={v.share} />
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
