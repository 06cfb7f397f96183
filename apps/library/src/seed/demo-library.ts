import type { Audience, MediaFormat } from '../domain/library-item';
import type { PlatformAppCategory } from '../domain/platform-app-input';
import type { ShowcaseAward } from '../domain/showcase-input';
import demo from '../../data/demo-library.json' with { type: 'json' };

/**
 * Demo content for local runs: training material of the kind the city's Digital
 * Transformation portal offers (handbooks, lectures, podcasts, courses from ministries,
 * publishers and international bodies) and the city's apps and platforms. Links and
 * store pages are given as published at the time of writing; editors check them before
 * anything here is used outside a demo. The data lives in apps/library/data/demo-library.json; the seed writes
 * it through the library's own services, whose input rules check it.
 */

export type SampleFile =
  | { kind: 'pdf'; pages: number }
  | { kind: 'docx' }
  | { kind: 'epub'; chapters: string[] }
  | { kind: 'png'; hue: number }
  | { kind: 'video-mp4' }
  | { kind: 'video-webm' }
  | { kind: 'audio-mp3' }
  | { kind: 'audio-m4a' };

export interface DemoItem {
  title: string;
  description: string;
  format: MediaFormat;
  topics: string[];
  audience: Audience[];
  publisher: string;
  language?: string;
  files: SampleFile[];
  externalUrl?: string;
  durationSeconds?: number;
  pageCount?: number;
  /** Days before the seed ran that it was published; absent for drafts. */
  publishedDaysAgo?: number;
  archived?: boolean;
  /** Demo popularity (flushed counts), so listings do not all show zero. */
  downloads?: number;
  views?: number;
  /** Slug of the demo collection it belongs to, in list order. */
  collection?: string;
}

export interface DemoCollection {
  slug: string;
  title: string;
  description: string;
}

export interface DemoShowcaseEntry {
  title: string;
  description: string;
  award: ShowcaseAward;
  awardTitle: string;
  year: number;
  team: { name: string; role?: string }[];
  category: PlatformAppCategory;
  tryItUrl: string;
  tryItKind: 'APP' | 'SANDBOX';
  /** Title of one of the demo VIDEO items. */
  demoVideo?: string;
  /** Demo popularity (flushed counts). */
  tryIts: number;
}

export interface DemoPlatformApp {
  name: string;
  description: string;
  url: string;
  androidUrl?: string;
  iosUrl?: string;
  ownerUnitCode?: string;
  ownerAgency?: string;
  category: PlatformAppCategory;
  audience: Audience[];
}

export const DEMO_COLLECTIONS: readonly DemoCollection[] = demo.collections;

export const DEMO_ITEMS: readonly DemoItem[] = demo.items as DemoItem[];

/**
 * Invented AI-Challenge winners for the demo (teams, products and sandbox links are not real;
 * the links point at example.vn).
 */
export const DEMO_SHOWCASE: readonly DemoShowcaseEntry[] = demo.showcase as DemoShowcaseEntry[];

export const DEMO_PLATFORM_APPS: readonly DemoPlatformApp[] =
  demo.platformApps as DemoPlatformApp[];
