import type { SourceKind } from '../__generated__/graphql';

const PORTAL_PAGES = /^\/(bai-viet|thu-vien|dien-dan|ban-tin|cam-nang|su-kien|khao-sat)(\/|$)/;

/**
 * Where a citation leads: the portal's own pages open here, whatever base the assistant
 * wrote them with; a dataset opens its page in this portal; other links (files on the
 * open-data portal) go where they point.
 */
export function citationHref(kind: SourceKind, link: string): string {
  let url: URL;
  try {
    url = new URL(link, 'http://portal.invalid');
  } catch {
    return link;
  }
  if (PORTAL_PAGES.test(url.pathname)) return `${url.pathname}${url.search}`;
  const dataset = /\/dataset\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  if (kind === 'DATASET' && dataset) return `/du-lieu-mo/${dataset}`;
  return link;
}
