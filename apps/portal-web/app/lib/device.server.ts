import { isbot } from 'isbot';

/** DESKTOP, MOBILE or TABLET from a user agent, as the analytics' device split counts it. */
export function deviceClass(userAgent: string | null): 'DESKTOP' | 'MOBILE' | 'TABLET' {
  const ua = userAgent ?? '';
  if (/iPad|Tablet|PlayBook|Silk|(Android(?!.*Mobile))/i.test(ua)) return 'TABLET';
  if (/Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini/i.test(ua)) return 'MOBILE';
  return 'DESKTOP';
}

/** Crawlers and link previews do not count as views. */
export function isCrawler(userAgent: string | null): boolean {
  return isbot(userAgent ?? '');
}
