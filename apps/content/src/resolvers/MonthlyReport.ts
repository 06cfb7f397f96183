import { requireRole } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { z } from 'zod';
import type {
  MonthlyReportInfoResolvers,
  MonthlyReportResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types';

const monthArgs = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, e.g. 2025-11'),
});

// The viewer is checked first, before the arguments are read.
export const reportQueries: Pick<
  QueryResolvers,
  'monthlyReports' | 'monthlyReport' | 'monthlyReportSubscribed'
> = {
  monthlyReports: (_, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.monthlyReports.list();
  },
  monthlyReport: (_, args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    const { month } = parseArgs(monthArgs, args);
    return ctx.services.monthlyReports.find(month);
  },
  monthlyReportSubscribed: (_, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.monthlyReports.isSubscribed(ctx.viewer);
  },
};

export const reportMutations: Pick<
  MutationResolvers,
  'subscribeMonthlyReport' | 'unsubscribeMonthlyReport'
> = {
  subscribeMonthlyReport: (_, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.monthlyReports.subscribe(ctx.viewer);
  },
  unsubscribeMonthlyReport: (_, _args, ctx) => {
    requireRole(ctx.viewer, 'editor');
    return ctx.services.monthlyReports.unsubscribe(ctx.viewer);
  },
};

export const MonthlyReport: MonthlyReportResolvers = { month: (r) => r._id };
export const MonthlyReportInfo: MonthlyReportInfoResolvers = { month: (r) => r._id };
