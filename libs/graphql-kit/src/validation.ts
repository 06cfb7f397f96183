import type { z } from 'zod';
import { badInput } from '@portal/errors';

/**
 * Validates resolver input with a zod schema. Every problem is reported at once as
 * BAD_USER_INPUT naming the field by its path (`input.title`), and nothing
 * unvalidated reaches the database.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path = 'input',
): z.output<S> {
  const result = schema.safeParse(value);
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
