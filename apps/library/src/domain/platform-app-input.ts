import { z } from 'zod';
import { isUnitCode, unitByCode } from '@portal/reference-data';
import { APP_CATEGORIES } from '@portal/queue';
import { AUDIENCES, type Audience } from './library-item';
import { httpUrl, requiredInUpdate, requiredText, textLine } from './input-fields';

// Shared with the showcase and with the contest winners other services promote into it.
export const PLATFORM_APP_CATEGORIES = APP_CATEGORIES;
export type PlatformAppCategory = (typeof PLATFORM_APP_CATEGORIES)[number];

export interface PlatformAppFields {
  name: string;
  description: string;
  url: string;
  androidUrl: string | null;
  iosUrl: string | null;
  ownerAgency: string;
  ownerUnitCode: string | null;
  category: PlatformAppCategory;
  audience: Audience[];
}

const name = textLine(2, 120);
const description = requiredText(2000);
const ownerAgency = textLine(2, 200);
const unitCode = z
  .string()
  .trim()
  .refine(isUnitCode, 'must be a unit code from the city directory');
const audience = z
  .array(z.enum(AUDIENCES))
  .min(1, 'must name at least one audience')
  .transform((list) => [...new Set(list)] as Audience[]);

export const createPlatformAppInput = z
  .object({
    name,
    description,
    url: httpUrl,
    androidUrl: httpUrl.nullish(),
    iosUrl: httpUrl.nullish(),
    ownerAgency: ownerAgency.nullish(),
    ownerUnitCode: unitCode.nullish(),
    category: z.enum(PLATFORM_APP_CATEGORIES),
    audience: audience.nullish(),
  })
  .superRefine((input, ctx) => {
    if (!input.ownerAgency && !input.ownerUnitCode)
      ctx.addIssue({
        code: 'custom',
        path: ['ownerAgency'],
        message: 'is required unless ownerUnitCode is given',
      });
  });
export type CreatePlatformAppInput = z.output<typeof createPlatformAppInput>;

export function newPlatformAppFields(input: CreatePlatformAppInput): PlatformAppFields {
  const unit = input.ownerUnitCode ? unitByCode(input.ownerUnitCode) : undefined;
  return {
    name: input.name,
    description: input.description,
    url: input.url,
    androidUrl: input.androidUrl ?? null,
    iosUrl: input.iosUrl ?? null,
    ownerAgency: input.ownerAgency ?? unit!.name,
    ownerUnitCode: input.ownerUnitCode ?? null,
    category: input.category,
    audience: input.audience ?? [...AUDIENCES],
  };
}

export const updatePlatformAppInput = z.object({
  name: requiredInUpdate(name),
  description: requiredInUpdate(description),
  url: requiredInUpdate(httpUrl),
  androidUrl: httpUrl.nullable().optional(),
  iosUrl: httpUrl.nullable().optional(),
  ownerAgency: requiredInUpdate(ownerAgency),
  ownerUnitCode: unitCode.nullable().optional(),
  category: requiredInUpdate(z.enum(PLATFORM_APP_CATEGORIES)),
  audience: requiredInUpdate(audience),
});
export type UpdatePlatformAppInput = z.output<typeof updatePlatformAppInput>;

export const platformAppFilterInput = z
  .object({
    category: z.enum(PLATFORM_APP_CATEGORIES).nullish(),
    audience: z.enum(AUDIENCES).nullish(),
    search: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
  })
  .nullish()
  .transform((f) => f ?? {});
