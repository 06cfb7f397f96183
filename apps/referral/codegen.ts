// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases.
import { subgraphCodegenConfig } from '../../libs/graphql-kit/src/subgraph-codegen';

export default subgraphCodegenConfig({
  app: 'referral',
  contextType: '../context#ReferralContext',
  mappers: {
    Referral: '../models/referral.model#ReferralDoc',
    ReferralHistoryEntry: '../resolvers/views#HistoryEntryView',
    ReferralConnection: '../resolvers/views#ReferralPage',
    HotlineCategory: '../models/hotline-category.model#HotlineCategoryDoc',
    AgencyContact: '../models/agency-contact.model#AgencyContactDoc',
    FeedbackResult: '../services/referral-intake.service#FeedbackOutcome',
    Thread: '../resolvers/views#ThreadRef',
    Post: '../resolvers/views#PostRef',
    PortalStats: '../stats/referral-stats.service#ReferralStatsRef',
    ReferralStats: '../domain/referral-stats#ReferralStatsResult',
  },
});
