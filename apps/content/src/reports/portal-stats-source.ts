import { createServiceClient } from '@portal/graphql-kit';
import { portalStatsKey, type PortalStatsPeriod } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ReportParts } from './report-render';

const AUDIENCE = `{ views uniqueReaders signedInViews anonymousViews
  byDevice { device views share } byRegion { region views share } byReferrer { referrer views share }
  series { from to views uniqueReaders } }`;

/** What the report asks each other subgraph for: its fields of the PortalStats entity. */
export const REMOTE_PARTS = {
  library: `libraryItems ${AUDIENCE}`,
  forum: `forumThreads ${AUDIENCE}
    forumParticipation { threads answered answeredShare
      series { from to proposals questions feedback discussions }
      departments { department answered medianHoursToAnswer p90HoursToAnswer open overdue } }`,
  bulletin: `bulletinIssues ${AUDIENCE} bulletinAudioOpens { views uniqueReaders }
    bulletinSubscribers { confirmations unsubscribes subscribersAtStart subscribersAtEnd
      series { from to requested confirmations unsubscribes subscribersAtEnd } }`,
  referral: `referrals { received forwarded resolved rejected closed closedWithinSla overdue
    slaMetShare medianHoursToResolution
    series { from to received forwarded resolved rejected }
    byAgency { agency closed closedWithinSla overdue slaMetShare medianHoursToResolution }
    byCategory { categoryCode categoryName closed closedWithinSla overdue slaMetShare medianHoursToResolution } }`,
} as const;
export type RemotePart = keyof typeof REMOTE_PARTS;

/** The content subgraph's own parts, read in process. */
export interface LocalParts {
  parts(period: PortalStatsPeriod): Promise<ReportParts>;
}

export interface PortalStatsSource {
  /** Every part of the period; a subgraph that cannot answer gives null for its fields. */
  read(period: PortalStatsPeriod): Promise<{ parts: ReportParts; missing: string[] }>;
}

/**
 * Reads the portal statistics the way the gateway joins them, without a person: the content
 * parts in process, and each other subgraph's fields by `_entities` on the PortalStats
 * entity, as a trusted service (internal token with the content service as its caller).
 */
export function graphPortalStatsSource(options: {
  local: LocalParts;
  urls: Partial<Record<RemotePart, string>>;
  internalTokenSecret: string;
  logger: Logger;
  timeoutMs?: number;
}): PortalStatsSource {
  const log = options.logger.child({ module: 'report-source' });
  const clients = (Object.keys(REMOTE_PARTS) as RemotePart[]).flatMap((name) => {
    const url = options.urls[name];
    if (!url) return [];
    const request = createServiceClient({
      target: name,
      url,
      service: 'content',
      internalTokenSecret: options.internalTokenSecret,
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    return [{ name, request }];
  });
  return {
    async read(period) {
      const id = portalStatsKey(period);
      const query = (fields: string) =>
        `query MonthlyReportPart($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats { ${fields} } } }`;
      const missing: string[] = [];
      const [local, ...remote] = await Promise.all([
        options.local.parts(period),
        ...clients.map(async ({ name, request }) => {
          try {
            const data = await request<{ _entities: Record<string, unknown>[] }>(
              query(REMOTE_PARTS[name]),
              { r: [{ __typename: 'PortalStats', id }] },
            );
            return data._entities[0] ?? {};
          } catch (err) {
            log.warn(
              { subgraph: name, err: (err as Error).message },
              'portal statistics part not available',
            );
            missing.push(name);
            return { [name]: null };
          }
        }),
      ]);
      for (const name of Object.keys(REMOTE_PARTS) as RemotePart[])
        if (!options.urls[name]) missing.push(name);
      return { parts: Object.assign({}, local, ...remote), missing: missing.sort() };
    },
  };
}
