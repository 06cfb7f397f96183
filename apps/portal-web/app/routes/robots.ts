import type { LoaderFunctionArgs } from 'react-router';

export function loader({ context }: LoaderFunctionArgs) {
  const body = `User-agent: *\nAllow: /\nDisallow: /quan-tri\nDisallow: /dang-nhap\n\nSitemap: ${context.config.publicUrl}/sitemap.xml\n`;
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
