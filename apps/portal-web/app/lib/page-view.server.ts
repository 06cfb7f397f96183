import type { PageViewInput } from '../__generated__/graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { PortalLoadContext } from './context';
import { deviceClass, isCrawler } from './device.server';
import { runOperation } from './graphql.server';
import { regionOf } from './region.server';
import { currentViewer } from './session.server';

/**
 * What a page's loader reports of a view for the portal statistics (issue 21): the device class
 * from the User-Agent, the region class from the visitor's address (never the address itself),
 * the `Referer` (the services keep only its class) and the landing URL's `utm_source`; with the
 * visitor's token, so signed-in readers count per person. Null when this request is not a new
 * view: a crawler, a form post, or the page reloading its own data after a form on it (the
 * browser's request then comes from the same page).
 */
export async function pageViewOf(
  request: Request,
  context: PortalLoadContext,
): Promise<{ view: PageViewInput; token: string | null } | null> {
  const ua = request.headers.get('user-agent');
  if (request.method !== 'GET' || isCrawler(ua)) return null;
  const url = new URL(request.url);
  const referrer = request.headers.get('referer');
  if (referrer && samePage(referrer, url)) return null;
  const { token } = await currentViewer(request, context);
  return {
    view: {
      device: deviceClass(ua),
      region: regionOf(context.clientIp),
      referrer,
      campaign: url.searchParams.get('utm_source'),
    },
    token,
  };
}

/**
 * Counts this request as a view of the page's item when it is one (see pageViewOf), sending
 * `document` with the variables `variables` makes of the view. Counting a view must never hold
 * up or break the page: the operation is not awaited and its failure is ignored.
 */
export async function recordPageView<TData, TVariables extends Record<string, unknown>>(
  request: Request,
  context: PortalLoadContext,
  document: TypedDocumentNode<TData, TVariables>,
  variables: (view: PageViewInput) => TVariables,
): Promise<void> {
  const seen = await pageViewOf(request, context);
  if (seen) void runOperation(context, document, variables(seen.view), seen.token);
}

/**
 * Whether a Referer is the page itself (client data requests end in `.data`; the host, not the
 * origin, as TLS may end at a proxy in front of the portal).
 */
function samePage(referrer: string, url: URL): boolean {
  try {
    const from = new URL(referrer);
    const path = (p: string) => p.replace(/\.data$/, '').replace(/\/$/, '');
    return from.host === url.host && path(from.pathname) === path(url.pathname);
  } catch {
    return false;
  }
}
