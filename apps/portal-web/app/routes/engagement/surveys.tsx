import { Link } from 'react-router';
import { OpenSurveysDocument } from '../../__generated__/graphql';
import { DateText, ListItemHeading, PagedList } from '../../components/ui';
import { loadOrThrow } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { sectionMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import type { Route } from './+types/surveys';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { after } = listQuery(request);
  const data = await loadOrThrow(context, OpenSurveysDocument, definedOnly({ after }));
  return { surveys: data.surveys };
}

export const meta = sectionMeta({
  path: '/khao-sat',
  title: { vi: 'Khảo sát, lấy ý kiến', en: 'Surveys' },
});

export default function Surveys({ loaderData }: Route.ComponentProps) {
  const { surveys } = loaderData;
  const { t, l } = usePortal();
  return (
    <div>
      <h1>{t('surveys')}</h1>
      <p>
        {l(
          'Thành phố lấy ý kiến người dân, doanh nghiệp và chuyên gia về chuyển đổi số. Mời bạn tham gia các khảo sát đang mở.',
          'The city asks citizens, businesses and experts for their views on digital transformation. Take part in the open surveys.',
        )}
      </p>
      <p className="meta">
        {surveys?.totalCount ?? 0} {t('results')}
      </p>
      <PagedList page={surveys} testId="survey-list">
        {(s) => (
          <li>
            <ListItemHeading to={`/khao-sat/${s.id}`} title={s.title} description={s.description} />
            <p className="meta">
              {s.kind === 'POLL' ? l('Bình chọn nhanh', 'Quick poll') : l('Khảo sát', 'Survey')}
              {s.closesAt && (
                <>
                  {' · '}
                  {l('Hạn chót', 'Closes')} <DateText iso={s.closesAt} />
                </>
              )}
              {s.responseCount != null && (
                <>
                  {' · '}
                  {s.responseCount} {l('lượt trả lời', 'responses')} ·{' '}
                  <Link to={`/khao-sat/${s.id}/ket-qua`}>{l('Xem kết quả', 'See results')}</Link>
                </>
              )}
            </p>
          </li>
        )}
      </PagedList>
    </div>
  );
}
