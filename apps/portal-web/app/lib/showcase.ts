import type { PlatformAppCategory, ShowcaseAward } from '../__generated__/graphql';

/** The app directory's categories, in the order the filters offer them. */
export const APP_CATEGORIES: PlatformAppCategory[] = [
  'PUBLIC_SERVICES',
  'CITIZEN_ENGAGEMENT',
  'HEALTH',
  'EDUCATION',
  'TRANSPORT',
  'BUSINESS',
  'OPEN_DATA',
  'SECURITY',
  'OTHER',
];

/** The showcase's awards, highest first. */
export const SHOWCASE_AWARDS: ShowcaseAward[] = [
  'FIRST',
  'SECOND',
  'THIRD',
  'CONSOLATION',
  'SPECIAL',
];
