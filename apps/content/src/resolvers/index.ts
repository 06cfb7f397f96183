import type { Resolvers } from '../__generated__/resolvers-types';
import { Article } from './Article';
import { ArticleAuthor } from './ArticleAuthor';
import { ArticleConnection } from './ArticleConnection';
import { ArticleRevision } from './ArticleRevision';
import { Category } from './Category';
import { ArticleViews, ContentStats } from './ContentStats';
import { Mutation } from './Mutation';
import { PortalStats, UnitContributions } from './PortalStats';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
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
