import type { Route } from './+types/robots';

export function loader({ context }: Route.LoaderArgs) {
  const body = `User-agent: *\nAllow: /\nDisallow: /quan-tri\nDisallow: /dang-nhap\n\nSitemap: ${context.config.publicUrl}/sitemap.xml\n`;
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
