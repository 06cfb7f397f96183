import type { MetaDescriptor, MetaFunction } from 'react-router';
import type { RootData } from './portal-data';

/** What a page says about itself in its meta tags. */
export interface PageFacts {
  title: string;
  description?: string;
  path: string;
  type?: string;
  image?: string | null;
  /** Kept out of search engines (sign-in, tracking, judging). */
  noindex?: boolean;
}

type Matches = readonly ({ id: string; loaderData?: unknown } | undefined)[];

/** Title, description, canonical link and OpenGraph tags of a page. */
export function pageMeta(root: RootData | undefined, page: PageFacts): MetaDescriptor[] {
  const site =
    root?.lang === 'en'
      ? 'Ho Chi Minh City Digital Transformation Portal'
      : 'Cổng thông tin Chuyển đổi số TP.HCM';
  const url = `${root?.publicUrl ?? ''}${page.path}`;
  const description =
    page.description ||
    (root?.lang === 'en'
      ? 'News, plans, handbook, library, forum and bulletin of the city’s digital transformation.'
      : 'Tin tức, kế hoạch, cẩm nang, thư viện, diễn đàn và bản tin chuyển đổi số của Thành phố.');
  return [
    { title: page.title === site ? site : `${page.title} | ${site}` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: url },
    { property: 'og:site_name', content: site },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    { property: 'og:type', content: page.type ?? 'website' },
    { property: 'og:locale', content: root?.lang === 'en' ? 'en_US' : 'vi_VN' },
    ...(page.image ? [{ property: 'og:image', content: page.image }] : []),
    { name: 'twitter:card', content: page.image ? 'summary_large_image' : 'summary' },
    ...(page.noindex ? [{ name: 'robots', content: 'noindex' }] : []),
  ];
}

export function rootData(matches: Matches): RootData | undefined {
  return matches.find((m) => m?.id === 'root')?.loaderData as RootData | undefined;
}

/** The meta of a page about one thing, from its loader's data; "not found" when the loader threw. */
export function detailMeta<Data>(
  facts: (data: Data, root: RootData | undefined) => PageFacts,
): (args: { loaderData: Data | undefined; matches: Matches }) => MetaDescriptor[] {
  return ({ loaderData: data, matches }) => {
    if (!data) return [{ title: 'Không tìm thấy' }];
    const root = rootData(matches);
    return pageMeta(root, facts(data, root));
  };
}

/** One thing a page is about, with the title and description its meta tags say. */
interface Described {
  title: string;
  description?: string | null;
}

/** The meta of a page about one titled, described thing of its loader's data, at `path`. */
export function describedMeta<Data, Thing extends Described>(
  thing: (data: Data) => Thing,
  path: (thing: Thing) => string,
): (args: { loaderData: Data | undefined; matches: Matches }) => MetaDescriptor[] {
  return detailMeta((data) => {
    const it = thing(data);
    return { title: it.title, description: it.description ?? undefined, path: path(it) };
  });
}

/** Text of a page in both of the portal's languages. */
interface Bilingual {
  vi: string;
  en: string;
}

/** The meta of a page whose title (and description) do not depend on its data. */
export function sectionMeta(page: {
  path: string;
  title: Bilingual;
  description?: Bilingual;
  noindex?: boolean;
}): MetaFunction {
  return ({ matches }) => {
    const root = rootData(matches);
    const lang = root?.lang === 'en' ? 'en' : 'vi';
    return pageMeta(root, {
      title: page.title[lang],
      description: page.description?.[lang],
      path: page.path,
      noindex: page.noindex,
    });
  };
}

/** The meta of a staff console page: its title alone, in the page's language, never indexed. */
export function staffMeta<Data = unknown>(
  title: (l: (vi: string, en: string) => string, data: Data | undefined) => string,
): (args: { loaderData: Data | undefined; matches: Matches }) => MetaDescriptor[] {
  return ({ loaderData: data, matches }) => {
    const en = rootData(matches)?.lang === 'en';
    return [
      { title: title((vi, english) => (en ? english : vi), data) },
      { name: 'robots', content: 'noindex' },
    ];
  };
}
