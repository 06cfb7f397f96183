import categories from '../data/hotline-categories.json' with { type: 'json' };
import { isUnitCode } from './units';

/** A 1022 hotline category: where feedback of this kind is routed and how fast it must be handled. */
export interface HotlineCategory {
  code: string;
  name: string;
  /** Unit code of the agency that handles it. */
  targetAgency: string;
  slaHours: number;
}

/** The initial routing rules, seeded into the referral service (where admins can edit them). */
export const HOTLINE_CATEGORIES: readonly HotlineCategory[] = Object.freeze(
  categories as HotlineCategory[],
);

export function hotlineCategoryByCode(code: string): HotlineCategory | undefined {
  return HOTLINE_CATEGORIES.find((c) => c.code === code);
}

export function unknownAgencies(): string[] {
  return HOTLINE_CATEGORIES.filter((c) => !isUnitCode(c.targetAgency)).map((c) => c.targetAgency);
}
