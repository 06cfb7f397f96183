import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { SurveyPageDocument, SurveyResultsDocument } from '../../__generated__/graphql';
import { loadOrThrow } from '../../lib/graphql.server';
import { formatShare } from '../../lib/i18n';
import { pageMeta, rootData } from '../../lib/meta';
import { useL, usePortal } from '../../lib/portal-data';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = params.id!;
  // The results name questions by id; the survey's own page has their text.
  const [results, page] = await Promise.all([
    loadOrThrow(context, SurveyResultsDocument, { id }),
    loadOrThrow(context, SurveyPageDocument, { id }),
  ]);
  if (!results.survey || !page.survey) throw new Response('not found', { status: 404 });
  const questions = page.survey.sections.flatMap((s) => s.questions);
  return { survey: results.survey, questions };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: 'Không tìm thấy' }];
  const root = rootData(matches);
  return pageMeta(root, {
    title: `${root?.lang === 'en' ? 'Results' : 'Kết quả'}: ${data.survey.title}`,
    path: `/khao-sat/${data.survey.id}/ket-qua`,
  });
};

export default function SurveyResults() {
  const { survey, questions } = useLoaderData<typeof loader>();
  const { t, lang } = usePortal();
  const l = useL();
  const results = survey.results;
  const byId = new Map(results?.questions.map((q) => [q.questionId, q]) ?? []);
  return (
    <article className="narrow">
      <p className="breadcrumb">
        <Link to="/khao-sat">{t('surveys')}</Link> ›{' '}
        <Link to={`/khao-sat/${survey.id}`} lang="vi">
          {survey.title}
        </Link>
      </p>
      <h1>
        {l('Kết quả', 'Results')}: <span lang="vi">{survey.title}</span>
      </h1>
      {!results ? (
        <p>
          {l(
            'Kết quả khảo sát này chưa được công bố.',
            'The results of this survey are not public.',
          )}
        </p>
      ) : (
        <>
          <p className="meta" data-testid="response-count">
            {results.responseCount} {l('lượt trả lời', 'responses')}
          </p>
          {questions.map((q, i) => {
            const r = byId.get(q.id);
            const text = q.type === 'SHORT_TEXT' || q.type === 'LONG_TEXT';
            return (
              <section
                key={q.id}
                aria-labelledby={`rq-${q.id}`}
                className="panel"
                data-testid={`result-${q.id}`}
              >
                <h2 id={`rq-${q.id}`}>
                  {i + 1}. <span lang="vi">{q.text}</span>
                </h2>
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
                  <p>
                    {l(
                      'Câu trả lời tự do không được công bố.',
                      'Free-text answers are not published.',
                    )}
                  </p>
                )}
                {r && r.options.length > 0 && (
                  <table className="table">
                    <caption className="visually-hidden">{q.text}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{l('Lựa chọn', 'Option')}</th>
                        <th scope="col">{l('Số lượt', 'Count')}</th>
                        <th scope="col">{l('Tỷ lệ', 'Share')}</th>
                        {q.type === 'RANKING' && (
                          <th scope="col">{l('Thứ hạng trung bình', 'Average rank')}</th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {r.options.map((o) => (
                        <tr key={o.optionId}>
                          <th scope="row" lang="vi">
                            {o.label}
                          </th>
                          <td>{o.count}</td>
                          <td>
                            <meter min={0} max={1} value={o.share} aria-hidden="true" />{' '}
                            {formatShare(lang, o.share)}
                          </td>
                          {q.type === 'RANKING' && <td>{o.averageRank?.toFixed(2) ?? '—'}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {r && r.ratings.length > 0 && (
                  <table className="table">
                    <caption className="visually-hidden">{q.text}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{l('Mức', 'Value')}</th>
                        <th scope="col">{l('Số lượt', 'Count')}</th>
                        <th scope="col">{l('Tỷ lệ', 'Share')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.ratings.map((v) => (
                        <tr key={v.value}>
                          <th scope="row">{v.value}</th>
                          <td>{v.count}</td>
                          <td>
                            <meter min={0} max={1} value={v.share} aria-hidden="true" />{' '}
                            {formatShare(lang, v.share)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            );
          })}
        </>
      )}
    </article>
  );
}
