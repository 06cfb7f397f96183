import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { plainTextBlock, plainTextLine } from '@portal/html';
import { SHOWCASE_AWARDS, type ShowcaseAward } from '@portal/queue';
import { httpUrl } from './library-item-input';
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

const line = (min: number, max: number) =>
  z
    .string()
    .transform(plainTextLine)
    .pipe(
      z
        .string()
        .min(min, `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );
const title = line(2, 200);
const description = z
  .string()
  .transform(plainTextBlock)
  .pipe(z.string().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters'));
const year = z
  .number()
  .int('must be a whole number')
  .min(2000, 'must be 2000 or later')
  .max(2100, 'must be 2100 or earlier');
const team = z
  .array(z.object({ name: line(1, 200), role: line(1, 200).nullish() }))
  .min(1, 'must name at least one member')
  .max(50, 'must have at most 50 members')
  .transform((members) => members.map((m) => ({ name: m.name, role: m.role ?? null })));
const objectId = objectIdSchema('must be a library item id');
const required = <T extends z.ZodType>(schema: T) =>
  schema
    .nullable()
    .refine((v) => v !== null, 'must not be null')
    .optional();

export const createShowcaseInput = z.object({
  title,
  description,
  award: z.enum(SHOWCASE_AWARDS),
  awardTitle: line(1, 200).nullish(),
  year,
  contestName: line(2, 300).nullish(),
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
  title: required(title),
  description: required(description),
  award: required(z.enum(SHOWCASE_AWARDS)),
  awardTitle: line(1, 200).nullable().optional(),
  year: required(year),
  contestName: required(line(2, 300)),
  team: required(team),
  category: required(z.enum(PLATFORM_APP_CATEGORIES)),
  tryItUrl: required(httpUrl),
  tryItKind: required(z.enum(TRY_IT_KINDS)),
  demoVideoItemId: objectId.nullable().optional(),
});
export type UpdateShowcaseInput = z.output<typeof updateShowcaseInput>;

/** Fields left out are unchanged; null clears an optional one. */
export function applyShowcaseUpdate(
  current: ShowcaseFields,
  patch: UpdateShowcaseInput,
): ShowcaseFields {
  const next = { ...current };
  for (const key of [
    'title',
    'description',
    'award',
    'year',
    'contestName',
    'team',
    'category',
    'tryItUrl',
    'tryItKind',
  ] as const) {
    if (patch[key] != null) (next as Record<string, unknown>)[key] = patch[key];
  }
  if (patch.awardTitle !== undefined) next.awardTitle = patch.awardTitle;
  if (patch.demoVideoItemId !== undefined) next.demoVideoItemId = patch.demoVideoItemId;
  return next;
}

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
