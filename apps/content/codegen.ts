// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases.
import { subgraphCodegenConfig } from '../../libs/graphql-kit/src/subgraph-codegen';

export default subgraphCodegenConfig({
  app: 'content',
  contextType: '../context#ContentContext',
  config: { useTypeImports: true },
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
});
