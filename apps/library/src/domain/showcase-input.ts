import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { SHOWCASE_AWARDS, type ShowcaseAward } from '@portal/queue';
import { httpUrl, requiredInUpdate, requiredText, textLine } from './input-fields';
import { PLATFORM_APP_CATEGORIES, type PlatformAppCategory } from './platform-app-input';

export { SHOWCASE_AWARDS, type ShowcaseAward };
export const SHOWCASE_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export type ShowcaseStatus = (typeof SHOWCASE_STATUSES)[number];
export const TRY_IT_KINDS = ['APP', 'SANDBOX'] as const;
export type TryItKind = (typeof TRY_IT_KINDS)[number];

/** Awards in the order the showcase lists them within a year: first prize first. */
export function awardRank(award: ShowcaseAward): number {
  return SHOWCASE_AWARDS.indexOf(award) + 1;
}

export interface TeamMember {
  name: string;
  role: string | null;
}

/** What an editor (or a promotion) decides about a showcase entry. */
export interface ShowcaseFields {
  title: string;
  description: string;
  award: ShowcaseAward;
  /** The prize as the contest named it, e.g. "Giải Nhất – bảng Doanh nghiệp". */
  awardTitle: string | null;
  year: number;
  contestName: string;
  team: TeamMember[];
  category: PlatformAppCategory;
  tryItUrl: string;
  tryItKind: TryItKind;
  demoVideoItemId: string | null;
}

const title = textLine(2, 200);
const description = requiredText(5000);
const year = z
  .number()
  .int('must be a whole number')
  .min(2000, 'must be 2000 or later')
  .max(2100, 'must be 2100 or earlier');
const team = z
  .array(z.object({ name: textLine(1, 200), role: textLine(1, 200).nullish() }))
  .min(1, 'must name at least one member')
  .max(50, 'must have at most 50 members')
  .transform((members) => members.map((m) => ({ name: m.name, role: m.role ?? null })));
const objectId = objectIdSchema('must be a library item id');

export const createShowcaseInput = z.object({
  title,
  description,
  award: z.enum(SHOWCASE_AWARDS),
  awardTitle: textLine(1, 200).nullish(),
  year,
  contestName: textLine(2, 300).nullish(),
  team,
  category: z.enum(PLATFORM_APP_CATEGORIES),
  tryItUrl: httpUrl,
  tryItKind: z.enum(TRY_IT_KINDS).nullish(),
  demoVideoItemId: objectId.nullish(),
});
export type CreateShowcaseInput = z.output<typeof createShowcaseInput>;

export const DEFAULT_CONTEST_NAME = 'AI-Challenge TP.HCM';

export function newShowcaseFields(input: CreateShowcaseInput): ShowcaseFields {
  return {
    title: input.title,
    description: input.description,
    award: input.award,
    awardTitle: input.awardTitle ?? null,
    year: input.year,
    contestName: input.contestName ?? DEFAULT_CONTEST_NAME,
    team: input.team,
    category: input.category,
    tryItUrl: input.tryItUrl,
    tryItKind: input.tryItKind ?? 'APP',
    demoVideoItemId: input.demoVideoItemId ?? null,
  };
}

export const updateShowcaseInput = z.object({
  title: requiredInUpdate(title),
  description: requiredInUpdate(description),
  award: requiredInUpdate(z.enum(SHOWCASE_AWARDS)),
  awardTitle: textLine(1, 200).nullable().optional(),
  year: requiredInUpdate(year),
  contestName: requiredInUpdate(textLine(2, 300)),
  team: requiredInUpdate(team),
  category: requiredInUpdate(z.enum(PLATFORM_APP_CATEGORIES)),
  tryItUrl: requiredInUpdate(httpUrl),
  tryItKind: requiredInUpdate(z.enum(TRY_IT_KINDS)),
  demoVideoItemId: objectId.nullable().optional(),
});
export type UpdateShowcaseInput = z.output<typeof updateShowcaseInput>;

export const showcaseFilterInput = z
  .object({
    year: year.nullish(),
    award: z.enum(SHOWCASE_AWARDS).nullish(),
    category: z.enum(PLATFORM_APP_CATEGORIES).nullish(),
    /** ARCHIVED is for editors (checked by the service). */
    status: z.enum(SHOWCASE_STATUSES).nullish(),
  })
  .nullish()
  .transform((f) => f ?? {});
export type ShowcaseFilter = z.output<typeof showcaseFilterInput>;
