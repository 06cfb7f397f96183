import { Link } from 'react-router';
import { ShowcaseDocument } from '../__generated__/graphql';
import { FilterFields, FilterForm } from '../components/list-filters';
import { Breadcrumb, NextPage, ResultCount } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listFilter, listQuery } from '../lib/list-query';
import type { MessageKey } from '../lib/i18n';
import { sectionMeta } from '../lib/meta';
import { SHOWCASE_AWARDS } from '../lib/showcase';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/showcase';

const FIRST_YEAR = 2020;

/** The years the filter offers: this year back to the first contest. */
function years(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: now - FIRST_YEAR + 1 }, (_, i) => now - i);
}

const FILTERS = {
  year: listFilter({
    param: 'nam',
    id: 'nam',
    label: 'year',
    choices: years,
    empty: 'allYears',
  }),
  award: listFilter({
    param: 'giai',
    id: 'giai',
    label: 'award',
    choices: SHOWCASE_AWARDS,
    choiceLabel: (a) => `award${a}` as MessageKey,
    empty: 'allAwards',
  }),
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = listQuery(request);
  const { after } = query;
  const { year, award } = query.filters(FILTERS);
  const data = await loadOrThrow(context, ShowcaseDocument, definedOnly({ year, award, after }));
  return { year, award, entries: data.showcaseEntries };
}

export const meta = sectionMeta({
  path: '/ung-dung/ai-challenge',
  title: { vi: 'Sản phẩm AI-Challenge', en: 'AI-Challenge products' },
});

export default function Showcase({ loaderData }: Route.ComponentProps) {
  const { year, award, entries } = loaderData;
  const { t } = usePortal();
  const nodes = entries?.nodes ?? [];
  return (
    <div>
      <Breadcrumb trail={[{ to: '/ung-dung', label: t('apps') }]} />
      <h1>{t('showcase')}</h1>
      <p>{t('showcaseIntro')}</p>
      <FilterForm label={t('filter')}>
        <FilterFields filters={FILTERS} chosen={{ year, award }} />
      </FilterForm>
      <ResultCount list={entries} />
      {nodes.length === 0 && <p>{t('noResults')}</p>}
      <ul className="cards" data-testid="showcase-results">
        {nodes.map((entry) => (
          <li key={entry.id} className="card" lang="vi">
            <h2 id={`sc-${entry.id}`}>{entry.title}</h2>
            <p className="meta">
              <strong>{entry.awardTitle ?? t(`award${entry.award}` as MessageKey)}</strong> ·{' '}
              {entry.contestName} {entry.year} · {entry.category}
            </p>
            <p>{entry.description}</p>
            <p className="meta">
              {t('team')}:{' '}
              {entry.team.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join(', ')}
            </p>
            <p>
              {/* Through the portal, which counts the click and sends the visitor on. */}
              <a
                href={`/ung-dung/ai-challenge/${entry.slug}/dung-thu`}
                aria-describedby={`sc-${entry.id}`}
              >
                {entry.tryItKind === 'SANDBOX' ? t('tryItSandbox') : t('tryIt')}
              </a>
              {entry.demoVideo && (
                <>
                  {' · '}
                  <Link
                    to={`/thu-vien/${entry.demoVideo.slug}`}
                    aria-describedby={`sc-${entry.id}`}
                  >
                    {t('demoVideo')}
                  </Link>
                </>
              )}
              {' · '}
              <span className="meta">
                {entry.tryItCount} {t('tries')}
              </span>
            </p>
          </li>
        ))}
      </ul>
      <NextPage page={entries} />
    </div>
  );
}
