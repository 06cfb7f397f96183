// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases.
import { subgraphCodegenConfig } from '../../libs/graphql-kit/src/subgraph-codegen';

export default subgraphCodegenConfig({
  app: 'library',
  contextType: '../context#LibraryContext',
  config: { useTypeImports: true },
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
});
