import { emptyPage } from '@portal/db';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import { z } from 'zod';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { articleFilterInput, editorialFilterInput, slugInput } from '../domain/article-input';
import { requireWriter } from '../domain/article-workflow';

const page = { first: z.number().int().nullish(), after: z.string().max(500).nullish() };

export const Query: QueryResolvers = {
  articles: (_, args, ctx) => {
    const { filter, first, after } = parseArgs(
      z.object({ filter: articleFilterInput, ...page }),
      args,
    );
    return ctx.services.queries.listPublished(filter, first, after);
  },

  article: (_, args, ctx) => {
    const { slug, id } = parseArgs(
      z
        .object({ slug: z.string().max(200).nullish(), id: z.string().max(100).nullish() })
        .refine((a) => Boolean(a.slug) !== Boolean(a.id), {
          message: 'give exactly one of slug or id',
          path: ['slug'],
        }),
      args,
    );
    return ctx.services.queries.findOne(ctx.viewer, { slug, id });
  },

  editorialArticles: async (_, args, ctx) => {
    requireWriter(ctx.viewer);
    const { filter, first, after } = parseArgs(
      z.object({ filter: editorialFilterInput, ...page }),
      args,
    );
    // `authorId` is the public id the graph shows (ArticleAuthor.id), not a subject.
    if (filter?.authorId) {
      const subject = await ctx.services.queries.authorByPublicId(
        filter.authorId,
        ctx.publicUserId,
      );
      if (!subject) return emptyPage();
      return ctx.services.queries.listEditorial(
        ctx.viewer,
        { ...filter, authorId: subject },
        first,
        after,
      );
    }
    return ctx.services.queries.listEditorial(ctx.viewer, filter, first, after);
  },

  categories: (_, __, ctx) => ctx.services.categories.roots(),

  category: (_, args, ctx) =>
    ctx.services.categories.bySlug(parseInput(slugInput, args.slug, 'slug')),

  contentStats: (_, args, ctx) => ctx.services.stats.stats(ctx.viewer, args.from, args.to),
  portalStats: (_, args, ctx) =>
    ctx.services.portalStats.ref(ctx.viewer, {
      from: args.from,
      to: args.to,
      granularity: args.granularity,
    }),
};
