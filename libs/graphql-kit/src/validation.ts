import type { z } from 'zod';
import { badInput } from '@portal/errors';
import { stripControlCharactersDeep } from '@portal/text';

/**
 * Validates resolver input with a zod schema. Every problem is reported at once as
 * BAD_USER_INPUT naming the field by its path (`input.title`), and nothing
 * unvalidated reaches the database. Control characters and bidi overrides are removed from
 * every string first, so no service stores them in a plain-text field.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path = 'input',
): z.output<S> {
  const result = schema.safeParse(stripControlCharactersDeep(value));
  if (result.success) return result.data;
  throw badInput(
    result.error.issues.map((issue) => ({
      field: [path, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.message,
    })),
  );
}

/** Validates several named arguments; fields are named by argument. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  return parseInput(schema, args, '');
}
