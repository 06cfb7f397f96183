import type { Resolvers } from '../__generated__/resolvers-types';
import { Article, Thread } from './content';
import { Contest, ContestConnection, ContestEntry, ContestWinner } from './Contest';
import { Event, EventConnection, EventQuestion, Registration } from './Event';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Survey, SurveyConnection } from './Survey';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Survey,
  SurveyConnection,
  Event,
  EventConnection,
  Registration,
  EventQuestion,
  Contest,
  ContestConnection,
  ContestEntry,
  ContestWinner,
  Article,
  Thread,
};
