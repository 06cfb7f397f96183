import { useRouteLoaderData } from 'react-router';
import { translator, type Lang } from './i18n';
import type { Viewer } from './session.server';

/** What the root loader gives every page. */
export interface RootData {
  lang: Lang;
  viewer: Viewer | null;
  nonce: string;
  publicUrl: string;
  gatewayPublicUrl: string;
}

/**
 * The root data with a translator for its language, and `l` for inline bilingual text:
 * `l('Lưu', 'Save')`.
 */
export function usePortal() {
  const data = useRouteLoaderData('root') as RootData | undefined;
  const lang: Lang = data?.lang ?? 'vi';
  return {
    lang,
    t: translator(lang),
    l: (vi: string, en: string): string => (lang === 'en' ? en : vi),
    viewer: data?.viewer ?? null,
    nonce: data?.nonce ?? '',
    publicUrl: data?.publicUrl ?? '',
    gatewayPublicUrl: data?.gatewayPublicUrl ?? '',
  };
}

export function hasRole(viewer: Viewer | null, ...roles: string[]): boolean {
  return !!viewer && roles.some((r) => viewer.roles.includes(r));
}
