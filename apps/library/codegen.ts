import type { CodegenConfig } from '@graphql-codegen/cli';
// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases. The schema is the file with the shared parts it includes.
import { schemaFileSdl } from '../../libs/graphql-kit/src/schema-file';

// Resolver types from schema.graphql: a renamed or retyped field fails to compile.
const config: CodegenConfig = {
  schema: schemaFileSdl('apps/library/schema.graphql'),
  generates: {
    'apps/library/src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#LibraryContext',
        scalars: { DateTime: 'Date' },
        mappers: {
          LibraryItem: '../models/index#LibraryItemDoc',
          PortalStats: '../stats/library-stats#LibraryStatsRef',
          AudienceStats: '@portal/db#AudienceStats as AudienceStatsModel',
          MediaFile: '../models/index#MediaFileDoc',
          Collection: '../models/index#CollectionDoc',
          PlatformApp: '../models/index#PlatformAppDoc',
          LibraryItemConnection: '../models/index#LibraryItemPage',
          CollectionConnection: '../models/index#CollectionPage',
          PlatformAppConnection: '../models/index#PlatformAppPage',
          ShowcaseEntry: '../models/index#ShowcaseEntryDoc',
          ShowcaseEntryConnection: '../models/index#ShowcaseEntryPage',
        },
      },
    },
  },
};

export default config;
