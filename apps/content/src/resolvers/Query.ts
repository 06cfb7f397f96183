import { parseArgs, parseInput } from '@portal/graphql-kit';
import { z } from 'zod';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { articleFilterInput, pageArgs, slugInput } from '../domain/article-input';

export const Query: QueryResolvers = {
  articles: (_, args, ctx) => {
    const { filter, first, after } = parseArgs(
      z.object({ filter: articleFilterInput, ...pageArgs }),
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

  // The service checks the writer's role before it reads the filter.
  editorialArticles: (_, args, ctx) =>
    ctx.services.queries.editorial(ctx.viewer, args, ctx.publicUserId),

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
