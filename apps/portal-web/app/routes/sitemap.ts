import { SitemapEntriesDocument } from '../__generated__/graphql';
import { runOperation } from '../lib/graphql.server';
import type { Route } from './+types/sitemap';

const STATIC = [
  '/',
  '/tin-tuc',
  '/cam-nang',
  '/thu-vien',
  '/ung-dung',
  '/dien-dan',
  '/ban-tin',
  '/ban-tin/luu-tru',
  '/gop-y',
  '/khao-sat',
  '/su-kien',
  '/su-kien/da-dien-ra',
  '/cuoc-thi',
  '/hoi-dap',
  '/du-lieu-mo',
];
const MAX_PAGES = 10;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function loader({ context }: Route.LoaderArgs) {
  const base = context.config.publicUrl;
  const urls: { loc: string; lastmod?: string }[] = STATIC.map((p) => ({ loc: `${base}${p}` }));
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await runOperation(context, SitemapEntriesDocument, after ? { after } : {});
    if (!result.ok || !result.data.articles) break;
    for (const a of result.data.articles.nodes)
      urls.push({ loc: `${base}/bai-viet/${encodeURIComponent(a.slug)}`, lastmod: a.updatedAt });
    if (!result.data.articles.pageInfo.hasNextPage) break;
    after = result.data.articles.pageInfo.endCursor ?? undefined;
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map(
      (u) =>
        `  <url><loc>${escape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n')}\n</urlset>\n`;
  return new Response(body, {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'public, max-age=600',
    },
  });
}
