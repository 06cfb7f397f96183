import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { sanitizeRichText, stripAllTags } from '@portal/html';
import { isUnitCode } from '@portal/reference-data';
import { distinctFolded, plainText, slugify } from '@portal/text';
import { ARTICLE_KINDS, ARTICLE_SCOPES, ARTICLE_STATUSES } from './article-enums';

/**
 * Input models of the content mutations and filters. Everything a client sends passes
 * through one of these before it reaches a rule or the database: plain fields lose every
 * tag, rich text goes through the allow-list sanitizer, references are well-formed.
 */

export const MAX_BODY_LENGTH = 200_000;
export const MAX_TAGS = 20;

export const objectId = objectIdSchema();

/** Text with every tag removed, as a person typed it, on one line. */
export function plainTextField(input: string): string {
  return stripAllTags(input).replace(/\s+/g, ' ').trim();
}

const plain = (min: number, max: number) =>
  z
    .string()
    .transform(plainTextField)
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );

const title = plain(3, 250);
const summary = plain(1, 600);

const body = z
  .string()
  .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`)
  .transform((html) => sanitizeRichText(html))
  .refine((html) => plainText(html).length > 0 || /<img\b/i.test(html), {
    message: 'must have some text after sanitizing',
  });

const tag = plain(1, 50);
const tags = z
  .array(tag)
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((list) => dedupeTags(list));

const sourceUnit = z.string().refine(isUnitCode, 'must be a unit code from the city directory');

const coverImageUrl = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .regex(
    /^(https?:\/\/[^\s"'<>`]+|\/(?!\/)[^\s"'<>`]*)$/i,
    'must be an http(s) URL or a site path',
  );

export const slugInput = z
  .string()
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case ASCII words joined by hyphens');

export const createArticleInput = z.object({
  title,
  summary: summary.nullish(),
  body,
  kind: z.enum(ARTICLE_KINDS),
  scope: z.enum(ARTICLE_SCOPES).nullish(),
  categoryId: objectId.nullish(),
  tags: tags.nullish(),
  sourceUnit: sourceUnit.nullish(),
  coverImageUrl: coverImageUrl.nullish(),
});
export type CreateArticleInput = z.output<typeof createArticleInput>;

/** `updateArticle`'s `expectedVersion`: the version the writer edited. */
export const expectedVersionArgs = z.object({
  expectedVersion: z.number().int().min(1, 'must be 1 or more'),
});

/** Paging arguments of the article lists. */
export const pageArgs = {
  first: z.number().int().nullish(),
  after: z.string().max(500).nullish(),
};

/** Absent fields stay as they are; null clears an optional one; required ones cannot be null. */
export const updateArticleInput = z
  .object({
    title: title.optional(),
    slug: slugInput.optional(),
    summary: summary.nullish(),
    body: body.optional(),
    kind: z.enum(ARTICLE_KINDS).optional(),
    scope: z.enum(ARTICLE_SCOPES).optional(),
    categoryId: objectId.nullish(),
    tags: tags.nullish(),
    sourceUnit: sourceUnit.nullish(),
    coverImageUrl: coverImageUrl.nullish(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'must change at least one field',
  });
export type UpdateArticleInput = z.output<typeof updateArticleInput>;

export const articleFilterInput = z
  .object({
    kind: z.enum(ARTICLE_KINDS).nullish(),
    scope: z.enum(ARTICLE_SCOPES).nullish(),
    categoryId: objectId.nullish(),
    categorySlug: slugInput.nullish(),
    tag: z.string().max(50).nullish(),
    sourceUnit: z.string().max(40).nullish(),
    publishedSince: z.date().nullish(),
    search: z.string().max(200, 'must be at most 200 characters').nullish(),
  })
  .nullish();
export type ArticleFilterInput = NonNullable<z.output<typeof articleFilterInput>>;

export const editorialFilterInput = z
  .object({
    status: z.enum(ARTICLE_STATUSES).nullish(),
    kind: z.enum(ARTICLE_KINDS).nullish(),
    authorId: z.string().min(1).max(200).nullish(),
  })
  .nullish();
export type EditorialFilterInput = NonNullable<z.output<typeof editorialFilterInput>>;

export const createCategoryInput = z.object({
  name: plain(2, 120),
  slug: slugInput.nullish(),
  description: plain(1, 500).nullish(),
  parentId: objectId.nullish(),
});
export type CreateCategoryInput = z.output<typeof createCategoryInput>;

/** Tags keep the editor's spelling; duplicates that fold to the same key are dropped. */
export function dedupeTags(list: readonly string[]): string[] {
  return distinctFolded(list, tagKey);
}

/** The folded form a tag is matched by: "Chuyển đổi số" and "chuyen-doi-so" are one tag. */
export function tagKey(tagText: string): string {
  return slugify(tagText, 50);
}
