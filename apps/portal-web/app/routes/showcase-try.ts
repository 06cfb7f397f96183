import { redirect } from 'react-router';
import { RecordShowcaseTryItDocument, ShowcaseEntryDocument } from '../__generated__/graphql';
import { loadOrThrow, runOperation } from '../lib/graphql.server';
import type { Route } from './+types/showcase-try';

/**
 * A "try it" link: counts the click (once per visitor per day, on the library's counters)
 * and sends the visitor to the product. The target is the entry's own link, never one from
 * the request, so this is no open redirect. A failed count never blocks the visitor.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { showcaseEntry } = await loadOrThrow(context, ShowcaseEntryDocument, {
    slug: params.slug,
  });
  if (!showcaseEntry) throw new Response('not found', { status: 404 });
  await runOperation(context, RecordShowcaseTryItDocument, { id: showcaseEntry.id });
  return redirect(showcaseEntry.tryItUrl, {
    status: 303,
    headers: { 'cache-control': 'no-store' },
  });
}
