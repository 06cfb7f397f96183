import { Link } from 'react-router';
import {
  LatestBulletinDocument,
  RecordBulletinIssueViewDocument,
  SubscribeBulletinDocument,
} from '../__generated__/graphql';
import { BulletinIssueView, SubscribeForm } from '../components/bulletin-issue';
import { loadOrThrow, runOperation } from '../lib/graphql.server';
import { sectionMeta } from '../lib/meta';
import { recordPageView } from '../lib/page-view.server';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/bulletin';

export async function loader({ request, context }: Route.LoaderArgs) {
  const data = await loadOrThrow(context, LatestBulletinDocument, {});
  const issue = data.latestBulletinIssue;
  // The latest issue is read here as on its own page: a view of it.
  if (issue)
    await recordPageView(request, context, RecordBulletinIssueViewDocument, (view) => ({
      id: issue.id,
      view,
    }));
  return { issue };
}

/** Subscribing sends a confirmation mail (double opt-in); the answer is the same for every address. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  const result = await runOperation(context, SubscribeBulletinDocument, { email });
  return result.ok ? { done: true, error: null } : { done: false, error: result.error.message };
}

export const meta = sectionMeta({
  path: '/ban-tin',
  title: { vi: 'Bản tin Chuyển đổi số', en: 'DX Bulletin' },
});

export default function Bulletin({ loaderData, actionData: result }: Route.ComponentProps) {
  const { issue } = loaderData;
  const { t } = usePortal();
  return (
    <div>
      {issue ? <BulletinIssueView issue={issue} /> : <h1>{t('bulletin')}</h1>}
      <p>
        <Link to="/ban-tin/luu-tru">{t('archive')} →</Link>
      </p>
      <SubscribeForm done={result?.done} error={result?.error} />
    </div>
  );
}
