import { SurveyPageDocument, SurveyResultsDocument } from '../../__generated__/graphql';
import { QuestionResults } from '../../components/survey';
import { SubpageHeading } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { detailMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import type { Route } from './+types/survey-results';

export async function loader({ params, context }: Route.LoaderArgs) {
  const id = params.id;
  // The results name questions by id; the survey's own page has their text.
  const [results, page] = await Promise.all([
    loadOrThrow(context, SurveyResultsDocument, { id }),
    loadOrThrow(context, SurveyPageDocument, { id }),
  ]);
  if (!results.survey || !page.survey) throw new Response('not found', { status: 404 });
  const questions = page.survey.sections.flatMap((s) => s.questions);
  return { survey: results.survey, questions };
}

export const meta: Route.MetaFunction = detailMeta((data, root) => ({
  title: `${root?.lang === 'en' ? 'Results' : 'Kết quả'}: ${data.survey.title}`,
  path: `/khao-sat/${data.survey.id}/ket-qua`,
}));

export default function SurveyResults({ loaderData }: Route.ComponentProps) {
  const { survey, questions } = loaderData;
  const { t, l } = usePortal();
  const results = survey.results;
  const byId = new Map(results?.questions.map((q) => [q.questionId, q]) ?? []);
  return (
    <article className="narrow">
      <SubpageHeading
        back={{ to: '/khao-sat', label: t('surveys') }}
        item={{ to: `/khao-sat/${survey.id}`, title: survey.title }}
        label={l('Kết quả', 'Results')}
      />
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
                <QuestionResults q={q} r={r} />
              </section>
            );
          })}
        </>
      )}
    </article>
  );
}
