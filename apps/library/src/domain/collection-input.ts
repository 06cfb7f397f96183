import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { optionalText, requiredInUpdate, textLine } from './input-fields';

const title = textLine(3, 200);
const description = optionalText(2000);

export const createCollectionInput = z.object({
  title,
  description: description.nullish(),
});
export type CreateCollectionInput = z.output<typeof createCollectionInput>;

export const updateCollectionInput = z.object({
  title: requiredInUpdate(title),
  description: description.nullable().optional(),
});
export type UpdateCollectionInput = z.output<typeof updateCollectionInput>;

/** A collection lists at most this many items (a course, a series), in order. */
export const MAX_COLLECTION_ITEMS = 500;

export const collectionItemsInput = z
  .array(objectIdSchema())
  .max(MAX_COLLECTION_ITEMS, `must list at most ${MAX_COLLECTION_ITEMS} items`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an item');
