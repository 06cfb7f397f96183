import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types from schema.graphql, mapped to the model types resolvers actually return,
// so a renamed or retyped field fails to compile.
const config: CodegenConfig = {
  schema: 'apps/assistant/schema.graphql',
  generates: {
    'apps/assistant/src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        enumsAsTypes: true,
        contextType: '../context#AssistantContext',
        scalars: { DateTime: 'Date' },
        mappers: {
          Dataset: '../models/dataset.model#DatasetDoc',
          DatasetConnection: '../resolvers/views#DatasetPage',
          Resource: '../models/resource.model#ResourceDoc',
          AssistantAnswer: '../services/ask-service#AnswerView',
        },
      },
    },
  },
};

export default config;
