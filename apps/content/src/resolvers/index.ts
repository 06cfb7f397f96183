import type { Resolvers } from '../__generated__/resolvers-types';
import { Article } from './Article';
import { ArticleConnection } from './ArticleConnection';
import { ArticleRevision } from './ArticleRevision';
import { Category } from './Category';
import { ArticleViews, ContentStats } from './ContentStats';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Article,
  ArticleConnection,
  ArticleRevision,
  ArticleViews,
  Category,
  ContentStats,
};
