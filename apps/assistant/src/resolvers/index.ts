import type { Resolvers } from '../__generated__/resolvers-types';
import { Dataset, DatasetConnection, Resource } from './Dataset';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Dataset, DatasetConnection, Resource };
