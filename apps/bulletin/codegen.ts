// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases.
import { subgraphCodegenConfig } from '../../libs/graphql-kit/src/subgraph-codegen';

export default subgraphCodegenConfig({
  app: 'bulletin',
  contextType: '../context#BulletinContext',
  config: {
    avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  },
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
});
