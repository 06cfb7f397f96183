import type {
  MonthlyReportInfoResolvers,
  MonthlyReportResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types';

// Thin: the service checks the viewer first, before the arguments are read.
export const reportQueries: Pick<
  QueryResolvers,
  'monthlyReports' | 'monthlyReport' | 'monthlyReportSubscribed'
> = {
  monthlyReports: (_, _args, ctx) => ctx.services.monthlyReports.reports(ctx.viewer),
  monthlyReport: (_, args, ctx) => ctx.services.monthlyReports.report(ctx.viewer, args.month),
  monthlyReportSubscribed: (_, _args, ctx) => ctx.services.monthlyReports.isSubscribed(ctx.viewer),
};

export const reportMutations: Pick<
  MutationResolvers,
  'subscribeMonthlyReport' | 'unsubscribeMonthlyReport'
> = {
  subscribeMonthlyReport: (_, _args, ctx) => ctx.services.monthlyReports.subscribe(ctx.viewer),
  unsubscribeMonthlyReport: (_, _args, ctx) => ctx.services.monthlyReports.unsubscribe(ctx.viewer),
};

export const MonthlyReport: MonthlyReportResolvers = { month: (r) => r._id };
export const MonthlyReportInfo: MonthlyReportInfoResolvers = { month: (r) => r._id };
