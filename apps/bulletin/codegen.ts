import type { CodegenConfig } from '@graphql-codegen/cli';
// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases. The schema is the file with the shared parts it includes.
import { schemaFileSdl } from '../../libs/graphql-kit/src/schema-file';

// Resolver types from the subgraph contract: a renamed field or a wrong return shape fails to compile.
const config: CodegenConfig = {
  schema: schemaFileSdl('apps/bulletin/schema.graphql'),
  generates: {
    'apps/bulletin/src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context#BulletinContext',
        scalars: { DateTime: 'Date' },
        mappers: {
          BulletinIssue: '../models/bulletin-issue.model#BulletinIssueRecord',
          BulletinSection: '../domain/issue-sections#SectionView',
          BulletinItem: '../domain/issue-sections#ItemView',
          ReadAloud: '../models/bulletin-issue.model#ReadAloudRecord',
          BulletinIssueConnection: '../resolvers/connection#IssueConnection',
          PortalStats: '../stats/bulletin-stats.service#BulletinStatsRef',
          AudienceStats: '@portal/db#AudienceStats as AudienceStatsModel',
          BulletinSubscriberStats: '../stats/subscriber-stats#SubscriberStats',
        },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
