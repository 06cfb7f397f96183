import { clientKeyOf, requireServiceOrRole } from '@portal/auth';
import { AUDIENCE_DEVICES, AUDIENCE_REGIONS } from '@portal/db';
import { notFound } from '@portal/errors';
import { parseArgs } from '@portal/graphql-kit';
import { z } from 'zod';
import type { MutationResolvers, PortalStatsResolvers } from '../__generated__/resolvers-types';
import type { BulletinContext } from '../context';

const args = z.object({
  id: z.string().regex(/^[a-f0-9]{24}$/, 'must be an issue id'),
  view: z.object({
    device: z.enum(AUDIENCE_DEVICES),
    region: z.enum(AUDIENCE_REGIONS).nullish(),
    referrer: z.string().max(2048).nullish(),
    campaign: z.string().max(100).nullish(),
  }),
});

async function record(
  which: 'views' | 'audio',
  raw: { id: string; view: unknown },
  ctx: BulletinContext,
): Promise<boolean> {
  const { id, view } = parseArgs(args, raw);
  const issue = await ctx.loaders.issueById.load(id);
  // Only published issues are read (and heard).
  if (!issue || issue.status !== 'PUBLISHED') throw notFound('BulletinIssue');
  return ctx.stats.counters[which].record({
    subjectId: id,
    ...view,
    viewerId: ctx.viewer.id,
    clientKey: clientKeyOf(ctx),
  });
}

export const statsMutations: Pick<
  MutationResolvers<BulletinContext>,
  'recordBulletinIssueView' | 'recordBulletinAudioOpen'
> = {
  recordBulletinIssueView: (_, a, ctx) => record('views', a, ctx),
  recordBulletinAudioOpen: (_, a, ctx) => record('audio', a, ctx),
};

// Every field checks the viewer (editors and admins, or another portal service: the
// content worker's monthly report): `_entities` reaches here without the query field.
export const PortalStats: PortalStatsResolvers<BulletinContext> = {
  __resolveReference: (ref, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return ctx.stats.fromKey(ref.id);
  },
  bulletinIssues: (s, _a, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return ctx.stats.issueViews(s);
  },
  bulletinAudioOpens: (s, _a, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return ctx.stats.audioOpens(s);
  },
  bulletinSubscribers: (s, _a, ctx) => {
    requireServiceOrRole(ctx.viewer, 'editor');
    return ctx.stats.subscribers(s);
  },
};
