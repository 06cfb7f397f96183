import { clientKeyOf } from '@portal/auth';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { BulletinContext } from '../context';
import {
  addItemArgs,
  createIssueInput,
  issueIdArgs,
  removeItemArgs,
  scheduleArgs,
  subscribeArgs,
  tokenArgs,
  updateIssueArgs,
  updateIssueInput,
} from '../domain/issue-input';
import { requireBulletinEditor } from '../domain/issue-rules';

export const Mutation: MutationResolvers<BulletinContext> = {
  createBulletinIssue: (_parent, args, ctx) => {
    requireBulletinEditor(ctx.viewer);
    return ctx.issues.create(parseInput(createIssueInput, args.input), ctx.viewer);
  },

  updateBulletinIssue: (_parent, args, ctx) => {
    requireBulletinEditor(ctx.viewer);
    const { id, expectedVersion } = parseArgs(updateIssueArgs, args);
    return ctx.issues.update(id, parseInput(updateIssueInput, args.input), expectedVersion);
  },

  addBulletinItem: (_parent, args, ctx) => {
    requireBulletinEditor(ctx.viewer);
    return ctx.issues.addItem(parseArgs(addItemArgs, args), ctx.viewer);
  },

  removeBulletinItem: (_parent, args, ctx) => {
    requireBulletinEditor(ctx.viewer);
    const { issueId, itemId } = parseArgs(removeItemArgs, args);
    return ctx.issues.removeItem(issueId, itemId);
  },

  scheduleBulletinIssue: (_parent, args, ctx) => {
    requireBulletinEditor(ctx.viewer);
    const { id, at } = parseArgs(scheduleArgs(new Date()), args);
    return ctx.issues.schedule(id, at);
  },

  unscheduleBulletinIssue: (_parent, args, ctx) => {
    requireBulletinEditor(ctx.viewer);
    return ctx.issues.unschedule(parseArgs(issueIdArgs, args).id);
  },

  publishBulletinIssueNow: (_parent, args, ctx) => {
    requireBulletinEditor(ctx.viewer);
    return ctx.issues.publishNow(parseArgs(issueIdArgs, args).id);
  },

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
