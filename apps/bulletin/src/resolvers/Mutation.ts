import { clientKeyOf } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { BulletinContext } from '../context';
import { subscribeArgs, tokenArgs } from '../domain/issue-input';

// The issue service decides who may edit before it reads the arguments.
export const Mutation: MutationResolvers<BulletinContext> = {
  createBulletinIssue: (_parent, args, ctx) => ctx.issues.create(ctx.viewer, args.input),
  updateBulletinIssue: (_parent, args, ctx) => ctx.issues.update(ctx.viewer, args),
  addBulletinItem: (_parent, args, ctx) => ctx.issues.addItem(ctx.viewer, args),
  removeBulletinItem: (_parent, args, ctx) => ctx.issues.removeItem(ctx.viewer, args),
  scheduleBulletinIssue: (_parent, args, ctx) => ctx.issues.schedule(ctx.viewer, args),
  unscheduleBulletinIssue: (_parent, args, ctx) => ctx.issues.unschedule(ctx.viewer, args),
  publishBulletinIssueNow: (_parent, args, ctx) => ctx.issues.publishNow(ctx.viewer, args),

  subscribeToBulletin: (_parent, args, ctx) => {
    const { email } = parseArgs(subscribeArgs, args);
    // Anyone may subscribe; the limit is per client (the person, else the address).
    return ctx.subscriptions.subscribe(email, clientKeyOf(ctx));
  },

  confirmBulletinSubscription: (_parent, args, ctx) =>
    ctx.subscriptions.confirm(parseArgs(tokenArgs, args).token),

  unsubscribeFromBulletin: (_parent, args, ctx) =>
    ctx.subscriptions.unsubscribe(parseArgs(tokenArgs, args).token),
};
