import { z } from 'zod';
import { plainTextBlock, plainTextLine } from '@portal/html';

// Text is plain, as everywhere in the portal: markup is removed, not stored.

/** One line of plain text, `min` to `max` characters once markup is removed. */
export const textLine = (min: number, max: number) =>
  z
    .string()
    .transform(plainTextLine)
    .pipe(
      z
        .string()
        .min(min, `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );

/** Plain text (see `plainTextBlock`) that must not be empty. */
export const requiredText = (max: number) =>
  z
    .string()
    .transform(plainTextBlock)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** Optional plain text (see `plainTextBlock`), and empty means "none". */
export const optionalText = (max: number) =>
  z
    .string()
    .transform(plainTextBlock)
    .pipe(z.string().max(max, `must be at most ${max} characters`))
    .transform((v) => (v === '' ? null : v));

export const httpUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http(s) URL' })
  .max(2000, 'must be at most 2000 characters');

/**
 * A required field in an update: left out, it is unchanged; null is refused (only optional
 * fields are cleared with null).
 */
export const requiredInUpdate = <T extends z.ZodType>(schema: T) =>
  schema
    .nullable()
    .refine((v) => v !== null, 'must not be null')
    .optional();

/**
 * The fields after an update parsed with these schemas: a field the update leaves out is
 * unchanged, any other takes the update's value (null reaches only optional fields, which it
 * clears: `requiredInUpdate` refuses it for the others).
 */
export function applyUpdate<F extends object>(
  current: F,
  patch: { [K in keyof F]?: F[K] | null },
): F {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch))
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  return next;
}
