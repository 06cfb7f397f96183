import { PlatformAppCategory, ShowcaseAward } from '../__generated__/graphql';

/** The app directory's categories, in the graph's order, which the filters offer. */
export const APP_CATEGORIES = Object.values(PlatformAppCategory);

/** The showcase's awards, highest first (the graph's order). */
export const SHOWCASE_AWARDS = Object.values(ShowcaseAward);
