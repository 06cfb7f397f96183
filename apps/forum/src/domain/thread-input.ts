import { z } from 'zod';
import { badInput } from '@portal/errors';
import { distinctFolded, slugify } from '@portal/text';
import { cleanLine, hasText, renderBody } from './body';
import { categoryById } from './forum-categories';
import { FLAG_REASONS, THREAD_KINDS, type BodyFormat } from './forum-types';

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const TAGS_MAX = 5;
export const TAG_MAX = 40;
export const NOTE_MAX = 1000;

const bodyFormat = z.enum(['HTML', 'PLAIN', 'MARKDOWN']).nullish();

const title = z
  .string()
  .max(TITLE_MAX * 4, `must be at most ${TITLE_MAX} characters`)
  .transform(cleanLine)
  .pipe(
    z
      .string()
      .min(3, 'must have at least 3 characters of text')
      .max(TITLE_MAX, `must be at most ${TITLE_MAX} characters`),
  );

/** The raw body as written; length is checked before and after sanitizing. */
const rawBody = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(BODY_MAX * 2, `must be at most ${BODY_MAX} characters`);

/** Tags as people type them: trimmed, lower-cased, de-duplicated by their folded form. */
const tags = z
  .array(
    z
      .string()
      .transform((t) => cleanLine(t).toLowerCase())
      .pipe(
        z
          .string()
          .min(1, 'must not be empty')
          .max(TAG_MAX, `must be at most ${TAG_MAX} characters`),
      ),
  )
  .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
  .transform((list) => distinctFolded(list));

const categoryId = z
  .string()
  .refine((id) => categoryById(id) !== undefined, 'is not a forum category');

export const createThreadInput = z.object({
  title,
  body: rawBody,
  bodyFormat,
  kind: z.enum(THREAD_KINDS),
  categoryId: categoryId.nullish(),
  tags: tags.nullish(),
});

export const editThreadInput = z
  .object({
    title: title.nullish(),
    body: rawBody.nullish(),
    bodyFormat,
    tags: tags.nullish(),
  })
  .refine((v) => v.title != null || v.body != null || v.tags != null, {
    message: 'give at least one of title, body or tags',
    path: ['title'],
  });

export const postBodyInput = z.object({ body: rawBody, bodyFormat });

export const noteInput = z
  .string()
  .transform(cleanLine)
  .pipe(z.string().max(NOTE_MAX, `must be at most ${NOTE_MAX} characters`))
  .nullish()
  .transform((v) => (v ? v : null));

/** A moderator's optional note on an action. */
export const noteArgs = z.object({ note: noteInput });

export const flagInput = z.object({
  reason: z.enum(FLAG_REASONS),
  note: noteInput,
});

export type CreateThreadInput = z.output<typeof createThreadInput>;
export type EditThreadInput = z.output<typeof editThreadInput>;

/**
 * Sanitizes a body and checks what is left: an empty or oversized result is refused,
 * naming `field`.
 */
export function sanitizedBody(
  raw: string,
  format: BodyFormat | null | undefined,
  field: string,
): { ok: true; html: string } | { ok: false; field: string; message: string } {
  const html = renderBody(raw, format ?? 'HTML');
  if (!hasText(html)) return { ok: false, field, message: 'has no text once sanitized' };
  if (html.length > BODY_MAX * 2)
    return { ok: false, field, message: `must be at most ${BODY_MAX} characters` };
  return { ok: true, html };
}

/** The sanitized body of a person's writing, or BAD_USER_INPUT naming `field`. */
export function requireBody(
  raw: string,
  format: BodyFormat | null | undefined,
  field: string,
): string {
  const body = sanitizedBody(raw, format, field);
  if (!body.ok) throw badInput(body.field, body.message);
  return body.html;
}

/** Folded tag keys, for accent-insensitive tag filters. */
export function tagKeys(list: readonly string[]): string[] {
  return list.map((t) => slugify(t));
}
