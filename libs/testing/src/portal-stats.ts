// Asking a subgraph for its parts of the portal statistics as the gateway does: `_entities`
// with the PortalStats entity of a period, named by its key (`portalStatsKey` in @portal/db).
import { expect } from 'vitest';
import type { GraphQLResponse } from './graphql-client';

/** The `_entities` variables (`$r`) naming the PortalStats entity `id`. */
export function portalStatsEntity(id: string) {
  return { r: [{ __typename: 'PortalStats', id }] };
}

/** The PortalStats entity an `_entities` answer resolved, once asserted that it has no errors. */
export function resolvedPortalStats(res: GraphQLResponse): Record<string, any> {
  expect(res.errors).toBeUndefined();
  return res.data?._entities[0];
}
