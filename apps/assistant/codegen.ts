import type { CodegenConfig } from '@graphql-codegen/cli';
// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases. The schema is the file with the shared parts it includes.
import { schemaFileSdl } from '../../libs/graphql-kit/src/schema-file';

// Resolver types from schema.graphql, mapped to the model types resolvers actually return,
// so a renamed or retyped field fails to compile.
const config: CodegenConfig = {
  schema: schemaFileSdl('apps/assistant/schema.graphql'),
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
