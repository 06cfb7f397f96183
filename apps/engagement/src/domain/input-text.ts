import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { stripAllTags } from '@portal/html';

/** Plain text from people: tags removed (entities stay escaped), trimmed, within limits. */
export function plainText(min: number, max: number) {
  return z
    .string()
    .transform((v) => stripAllTags(v).trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );
}

/** Optional plain text: empty and missing both become null. */
export const optionalText = (max: number) =>
  plainText(0, max)
    .nullish()
    .transform((v) => (v ? v : null));

export const objectIdString = objectIdSchema();

/** An update's `expectedVersion`: the version the editor last saw. */
export const versionArg = z.number().int('must be a whole number').min(1, 'must be at least 1');

/** A date the GraphQL DateTime scalar has already parsed. */
export const dateValue = z.date({ error: 'must be a date and time' });
