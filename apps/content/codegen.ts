import type { CodegenConfig } from '@graphql-codegen/cli';
// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases. The schema is the file with the shared parts it includes.
import { schemaFileSdl } from '../../libs/graphql-kit/src/schema-file';

// Resolver types from the subgraph's contract, so a renamed or retyped field fails to compile.
const config: CodegenConfig = {
  schema: schemaFileSdl('apps/content/schema.graphql'),
  generates: {
    'apps/content/src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#ContentContext',
        scalars: { DateTime: 'Date' },
        mappers: {
          Article: '../models/article.model#ArticleDoc',
          Category: '../models/category.model#CategoryDoc',
          ArticleRevision: '../models/revision.model#RevisionDoc',
          ContentStats: '../services/content-stats.service#ContentStatsResult',
          ArticleViews: '../services/content-stats.service#ArticleViewsResult',
          PortalStats: '../services/portal-stats.service#PortalStatsRef',
          MonthlyReport: '../models/monthly-report.model#MonthlyReportDoc',
          MonthlyReportInfo: '../models/monthly-report.model#MonthlyReportInfoDoc',
          ContributionStats: '../domain/contribution-stats#ContributionStatsResult',
          AudienceStats: '@portal/db#AudienceStats as AudienceStatsModel',
          KindAudience: '../services/portal-stats.service#KindAudienceResult',
          ArticleConnection: '../services/article-query.service#ArticleConnectionResult',
        },
      },
    },
  },
};

export default config;
