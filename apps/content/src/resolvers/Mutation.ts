import { clientKeyOf } from '@portal/auth';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { DEVICE_CLASSES } from '../domain/article-enums';
import { createArticleInput, objectId, updateArticleInput } from '../domain/article-input';
import { notFound } from '@portal/errors';
import { isVisibleTo } from '../domain/article-visibility';
import { requireWriter } from '../domain/article-workflow';
import { AUDIENCE_REGIONS, classifyReferrer } from '@portal/db';

export const Mutation: MutationResolvers = {
  recordArticleView: async (_, args, ctx) => {
    const { id, device, region, referrer, campaign } = parseArgs(
      z.object({
        id: objectId,
        device: z.enum(DEVICE_CLASSES),
        region: z.enum(AUDIENCE_REGIONS).nullish(),
        referrer: z.string().max(2048).nullish(),
        campaign: z.string().max(100).nullish(),
      }),
      args,
    );
    const article = await ctx.loaders.articles.load(id);
    // Only published articles are counted; anything else does not exist for this purpose.
    if (!article || article.status !== 'PUBLISHED' || !isVisibleTo(ctx.viewer, article))
      throw notFound('Article');
    return ctx.services.views.record(id, device, clientKeyOf(ctx), {
      kind: article.kind,
      view: { region, referrer: classifyReferrer({ referrer, campaign }) },
      viewerId: ctx.viewer.id ?? null,
    });
  },

  // Authorization comes before validation: who may not write learns nothing about the input rules.
  createArticle: (_, args, ctx) => {
    requireWriter(ctx.viewer);
    return ctx.services.articles.create(ctx.viewer, parseInput(createArticleInput, args.input));
  },

  updateArticle: (_, args, ctx) => {
    requireWriter(ctx.viewer);
    const { expectedVersion } = parseArgs(
      z.object({ expectedVersion: z.number().int().min(1, 'must be 1 or more') }),
      { expectedVersion: args.expectedVersion },
    );
    return ctx.services.articles.update(
      ctx.viewer,
      args.id,
      parseInput(updateArticleInput, args.input),
      expectedVersion,
    );
  },

  submitArticleForReview: (_, args, ctx) =>
    ctx.services.articles.submitForReview(ctx.viewer, args.id),

  publishArticle: (_, args, ctx) => ctx.services.articles.publish(ctx.viewer, args.id, args.at),

  returnArticleToDraft: (_, args, ctx) => ctx.services.articles.returnToDraft(ctx.viewer, args.id),

  archiveArticle: (_, args, ctx) => ctx.services.articles.archive(ctx.viewer, args.id),

  createCategory: (_, args, ctx) => ctx.services.categories.create(ctx.viewer, args.input),
};
