import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { plainTextBlock, plainTextLine } from '@portal/html';

/** Input models for the bulletin's mutations and arguments; parseInput turns problems into BAD_USER_INPUT. */

const objectId = objectIdSchema('is not a valid id');

// Plain text, as everywhere in the portal: markup is removed, not stored.
const title = z
  .string()
  .transform(plainTextLine)
  .pipe(
    z.string().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
  );

const editorial = z.string().max(50_000, 'must be at most 50,000 characters');

export const yearSchema = z
  .number()
  .int()
  .min(2000, 'must be 2000 or later')
  .max(2100, 'must be 2100 or earlier');
export const monthSchema = z.number().int().min(1, 'must be 1 to 12').max(12, 'must be 1 to 12');

export const createIssueInput = z.object({
  year: yearSchema,
  month: monthSchema,
  title,
  editorial: editorial.nullish(),
});
export type CreateIssueInput = z.output<typeof createIssueInput>;

export const updateIssueInput = z
  .object({ title: title.optional(), editorial: editorial.nullish() })
  .refine((v) => v.title !== undefined || v.editorial !== undefined, {
    message: 'give a title or an editorial to change',
  });
export type UpdateIssueInput = z.output<typeof updateIssueInput>;

export const issueIdArgs = z.object({ id: objectId });

export const updateIssueArgs = z.object({
  id: objectId,
  expectedVersion: z.number().int().min(1, 'must be 1 or more'),
});

export const addItemArgs = z.object({
  issueId: objectId,
  section: z
    .string()
    .transform(plainTextLine)
    .pipe(z.string().min(1, 'must not be empty').max(120, 'must be at most 120 characters')),
  // Content owns the id format; accept the usual shapes without assuming ObjectIds.
  articleId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a valid article id'),
  note: z
    .string()
    .transform(plainTextBlock)
    .pipe(z.string().max(1000, 'must be at most 1000 characters'))
    .nullish()
    .transform((s) => (s ? s : null)),
});
export type AddItemArgs = z.output<typeof addItemArgs>;

export const removeItemArgs = z.object({ issueId: objectId, itemId: objectId });

/** Scheduling is for the future, at most a year ahead. */
export function scheduleArgs(now: Date) {
  return z.object({
    id: objectId,
    at: z
      .date()
      .refine((d) => d.getTime() > now.getTime(), 'must be in the future')
      .refine(
        (d) => d.getTime() <= now.getTime() + 366 * 24 * 3600 * 1000,
        'must be within a year',
      ),
  });
}

/** `bulletinIssue(id | year+month)`: exactly one way of naming the issue. */
export const issueLookupArgs = z
  .object({
    id: objectId.nullish(),
    year: yearSchema.nullish(),
    month: monthSchema.nullish(),
  })
  .superRefine((v, ctx) => {
    const byId = v.id != null;
    const byMonth = v.year != null || v.month != null;
    if (byId === byMonth)
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'give either id, or year and month' });
    else if (byMonth && (v.year == null || v.month == null))
      ctx.addIssue({
        code: 'custom',
        path: [v.year == null ? 'year' : 'month'],
        message: 'year and month go together',
      });
  });

export const issueListArgs = z.object({
  first: z.number().int().min(0, 'must be 0 or more').nullish(),
  after: z.string().max(500).nullish(),
  filter: z
    .object({
      year: yearSchema.nullish(),
      status: z.enum(['DRAFT', 'SCHEDULED', 'PUBLISHED']).nullish(),
    })
    .nullish(),
});

export const subscribeArgs = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('is not a valid e-mail address').max(254, 'is too long')),
});

export const tokenArgs = z.object({ token: z.string().min(1, 'is required').max(2000) });
