import type { CodegenConfig } from '@graphql-codegen/cli';
// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases. The schema is the file with the shared parts it includes.
import { schemaFileSdl } from '../../libs/graphql-kit/src/schema-file';

// Resolver types from schema.graphql, mapped to the model types resolvers actually return,
// so a renamed or retyped field fails to compile.
const config: CodegenConfig = {
  schema: schemaFileSdl('apps/referral/schema.graphql'),
  generates: {
    'apps/referral/src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        enumsAsTypes: true,
        contextType: '../context#ReferralContext',
        scalars: { DateTime: 'Date' },
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
      },
    },
  },
};

export default config;
