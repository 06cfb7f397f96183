import { clientKeyOf } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { DEVICE_CLASSES } from '../domain/article-enums';
import { objectId } from '../domain/article-input';
import { notFound } from '@portal/errors';
import { isVisibleTo } from '../domain/article-visibility';
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

  // The service decides who may write before it validates the input: who may not write
  // learns nothing about the input rules.
  createArticle: (_, args, ctx) => ctx.services.articles.create(ctx.viewer, args.input),

  updateArticle: (_, args, ctx) =>
    ctx.services.articles.update(ctx.viewer, args.id, args.input, args.expectedVersion),

  submitArticleForReview: (_, args, ctx) =>
    ctx.services.articles.submitForReview(ctx.viewer, args.id),

  publishArticle: (_, args, ctx) => ctx.services.articles.publish(ctx.viewer, args.id, args.at),

  returnArticleToDraft: (_, args, ctx) => ctx.services.articles.returnToDraft(ctx.viewer, args.id),

  archiveArticle: (_, args, ctx) => ctx.services.articles.archive(ctx.viewer, args.id),

  createCategory: (_, args, ctx) => ctx.services.categories.create(ctx.viewer, args.input),
};
