import type { CodegenConfig } from '@graphql-codegen/cli';
// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases. The schema is the file with the shared parts it includes.
import { schemaFileSdl } from '../../libs/graphql-kit/src/schema-file';

// Resolver types from schema.graphql, mapped to the model types resolvers actually return,
// so a renamed or retyped field fails to compile.
const config: CodegenConfig = {
  schema: schemaFileSdl('apps/engagement/schema.graphql'),
  generates: {
    'apps/engagement/src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        enumsAsTypes: true,
        contextType: '../context#EngagementContext',
        scalars: { DateTime: 'Date' },
        mappers: {
          Survey: '../models/survey.model#SurveyDoc',
          SurveyConnection: '../resolvers/views#SurveyPage',
          SurveyEditorResults: '../services/survey.service#EditorResultsView',
          SurveyResponse: '../services/survey.service#ResponseView',
          Event: '../models/event.model#EventDoc',
          EventConnection: '../resolvers/views#EventPage',
          Registration: '../models/registration.model#RegistrationDoc',
          EventQuestion: '../models/event-question.model#EventQuestionDoc',
          Contest: '../models/contest.model#ContestDoc',
          ContestConnection: '../resolvers/views#ContestPage',
          ContestEntry: '../models/contest-entry.model#ContestEntryDoc',
          JudgeScore: '../models/contest-entry.model#JudgeScoreDoc',
          ContestStanding: '../services/contest.service#EntryStanding',
          ContestWinner: '../resolvers/views#WinnerView',
          Article: '../resolvers/views#ContentRef',
          Thread: '../resolvers/views#ContentRef',
          LibraryItem: '../resolvers/views#ContentRef',
          ShowcaseEntry: '../resolvers/views#ContentRef',
        },
      },
    },
  },
};

export default config;
