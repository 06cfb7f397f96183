import type { Resolvers } from '../__generated__/resolvers-types';
import { Article } from './Article';
import { ArticleAuthor } from './ArticleAuthor';
import { ArticleConnection } from './ArticleConnection';
import { ArticleRevision } from './ArticleRevision';
import { Category } from './Category';
import { ArticleViews, ContentStats } from './ContentStats';
import { MonthlyReport, MonthlyReportInfo, reportMutations, reportQueries } from './MonthlyReport';
import { Mutation } from './Mutation';
import { PortalStats, UnitContributions } from './PortalStats';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query: { ...Query, ...reportQueries },
  Mutation: { ...Mutation, ...reportMutations },
  MonthlyReport,
  MonthlyReportInfo,
  Article,
  ArticleAuthor,
  ArticleConnection,
  ArticleRevision,
  ArticleViews,
  Category,
  ContentStats,
  PortalStats,
  UnitContributions,
};
