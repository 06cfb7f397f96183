import {
  BulletinIssuePageDocument,
  RecordBulletinIssueViewDocument,
} from '../__generated__/graphql';
import { BulletinIssueView } from '../components/bulletin-issue';
import { loadOrThrow, orNotFound } from '../lib/graphql.server';
import { detailMeta } from '../lib/meta';
import { recordPageView } from '../lib/page-view.server';
import type { Route } from './+types/bulletin-issue';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const year = Number(params.year);
  const month = Number(params.month);
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12 ||
    year < 2000 ||
    year > 2100
  )
    throw new Response('not found', { status: 404 });
  const data = await loadOrThrow(context, BulletinIssuePageDocument, { year, month });
  const issue = orNotFound(data.bulletinIssue);
  await recordPageView(request, context, RecordBulletinIssueViewDocument, (view) => ({
    id: issue.id,
    view,
  }));
  return { issue };
}

export const meta: Route.MetaFunction = detailMeta(({ issue }) => ({
  title: issue.title,
  description: issue.editorial ?? undefined,
  path: `/ban-tin/${issue.year}/${String(issue.month).padStart(2, '0')}`,
}));

export default function BulletinIssue({ loaderData }: Route.ComponentProps) {
  const { issue } = loaderData;
  return <BulletinIssueView issue={issue} />;
}
