import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { plainTextBlock, plainTextLine } from '@portal/html';

// Plain text, as everywhere in the portal: markup is removed, not stored.
const title = z
  .string()
  .transform(plainTextLine)
  .pipe(
    z.string().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
  );
const description = z
  .string()
  .transform(plainTextBlock)
  .pipe(z.string().max(2000, 'must be at most 2000 characters'))
  .transform((v) => (v === '' ? null : v));

export const createCollectionInput = z.object({
  title,
  description: description.nullish(),
});
export type CreateCollectionInput = z.output<typeof createCollectionInput>;

export const updateCollectionInput = z.object({
  title: title
    .nullable()
    .refine((v) => v !== null, 'must not be null')
    .optional(),
  description: description.nullable().optional(),
});
export type UpdateCollectionInput = z.output<typeof updateCollectionInput>;

/** A collection lists at most this many items (a course, a series), in order. */
export const MAX_COLLECTION_ITEMS = 500;

export const collectionItemsInput = z
  .array(objectIdSchema())
  .max(MAX_COLLECTION_ITEMS, `must list at most ${MAX_COLLECTION_ITEMS} items`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an item');
