import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { plainTextLine } from '@portal/html';
import { distinctFolded } from '@portal/text';
import {
  AUDIENCES,
  ITEM_STATUSES,
  MEDIA_FORMATS,
  type Audience,
  type ItemFields,
} from './library-item';
import { applyUpdate, httpUrl, optionalText, requiredInUpdate, textLine } from './input-fields';

export const objectId = objectIdSchema();

const title = textLine(3, 300);

/** Topics (plain text): up to 12, each 1–60 characters; repeats (ignoring case and accents) dropped. */
const topics = z
  .array(
    z
      .string()
      .transform(plainTextLine)
      .pipe(z.string().min(1, 'must not be empty').max(60, 'must be at most 60 characters')),
  )
  .max(12, 'must list at most 12 topics')
  .transform((list) => distinctFolded(list));

const audience = z
  .array(z.enum(AUDIENCES))
  .min(1, 'must name at least one audience')
  .transform((list) => [...new Set(list)] as Audience[]);

export const languageTag = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as vi or en');

const fileIds = z
  .array(objectId)
  .max(20, 'must list at most 20 files')
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a file');

const durationSeconds = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be positive')
  .max(1000 * 3600, 'is too long');
const pageCount = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be positive')
  .max(100_000, 'is too large');

export const createItemInput = z.object({
  title,
  description: optionalText(5000).nullish(),
  format: z.enum(MEDIA_FORMATS),
  topics: topics.nullish(),
  audience: audience.nullish(),
  publisher: optionalText(200).nullish(),
  language: languageTag.nullish(),
  fileIds: fileIds.nullish(),
  collectionId: objectId.nullish(),
  externalUrl: httpUrl.nullish(),
  durationSeconds: durationSeconds.nullish(),
  pageCount: pageCount.nullish(),
});
export type CreateItemInput = z.output<typeof createItemInput>;

/** The fields of a new item, with defaults: everyone as audience, Vietnamese. */
export function newItemFields(input: CreateItemInput): ItemFields {
  return {
    title: input.title,
    description: input.description ?? null,
    format: input.format,
    topics: input.topics ?? [],
    audience: input.audience ?? [...AUDIENCES],
    publisher: input.publisher ?? null,
    language: input.language ?? 'vi',
    fileIds: input.fileIds ?? [],
    collectionId: input.collectionId ?? null,
    externalUrl: input.externalUrl ?? null,
    durationSeconds: input.durationSeconds ?? null,
    pageCount: input.pageCount ?? null,
  };
}

/** An update: a field left out is unchanged; null clears an optional field and is refused for required ones. */
export const updateItemInput = z.object({
  title: requiredInUpdate(title),
  description: optionalText(5000).nullable().optional(),
  format: requiredInUpdate(z.enum(MEDIA_FORMATS)),
  topics: topics.nullable().optional(),
  audience: requiredInUpdate(audience),
  publisher: optionalText(200).nullable().optional(),
  language: requiredInUpdate(languageTag),
  fileIds: fileIds.nullable().optional(),
  collectionId: objectId.nullable().optional(),
  externalUrl: httpUrl.nullable().optional(),
  durationSeconds: durationSeconds.nullable().optional(),
  pageCount: pageCount.nullable().optional(),
});
export type UpdateItemInput = z.output<typeof updateItemInput>;

/** The item's fields after applying an update (null topics/fileIds mean "none"). */
export function applyItemUpdate(current: ItemFields, patch: UpdateItemInput): ItemFields {
  const next = applyUpdate(current, patch);
  return {
    ...next,
    topics: patch.topics === null ? [] : next.topics,
    fileIds: patch.fileIds === null ? [] : next.fileIds,
  };
}

export const ITEM_SORTS = ['NEWEST', 'TITLE', 'RELEVANCE'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export const itemFilterInput = z
  .object({
    format: z.enum(MEDIA_FORMATS).nullish(),
    topic: optionalText(60).nullish(),
    audience: z.enum(AUDIENCES).nullish(),
    publisher: optionalText(200).nullish(),
    language: languageTag.nullish(),
    collectionId: objectId.nullish(),
    search: optionalText(200).nullish(),
    status: z.enum(ITEM_STATUSES).nullish(),
    sort: z.enum(ITEM_SORTS).nullish(),
  })
  .nullish()
  .transform((f) => f ?? {});
export type ItemFilterInput = z.output<typeof itemFilterInput>;
