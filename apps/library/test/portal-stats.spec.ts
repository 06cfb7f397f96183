// Portal statistics, the library's part: item page views by audience class on the real hot
// counter, flushed by the maintenance job with the items' own counters, checked exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@portal/auth';
import { dayEnd, dayKey, dayStart, portalStatsKey } from '@portal/db';
import {
  EDITORS_AND_ADMINS_ONLY,
  errorCodes,
  expectErrorCodes,
  gql,
  internalTokenFor,
  portalStatsEntity,
  resolvedPortalStats,
  testViewer,
  viewsByDevice,
  viewsByRegion,
} from '@portal/testing';
import { libraryMaintenanceProcessor } from '../src/jobs/library-maintenance.processor';
import { samplePdf } from '../src/seed/sample-files';
import { libraryAudienceCounter } from '../src/stats/library-stats';
import { gqlAs, silentLogger, uploadAsEditor, useTestLibrary } from './helpers';

const lib = useTestLibrary('library-portal-stats');

const VIEW =
  'mutation($id: ID!, $view: PageViewInput) { recordLibraryItemView(id: $id, view: $view) }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats {
  libraryItems { views uniqueReaders signedInViews anonymousViews byDevice { device views } byRegion { region views } series { views uniqueReaders } }
} } }`;

let itemId: string;
beforeAll(async () => {
  const fileId = (
    await uploadAsEditor(lib, {
      bytes: samplePdf({ title: 'Bài', pages: [['1']] }),
      name: 'bai.pdf',
    })
  ).id;
  const created = await gqlAs(
    lib,
    'editor',
    'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { id } }',
    {
      input: {
        title: 'Tài liệu kỹ năng số',
        format: 'DOCUMENT',
        fileIds: [fileId],
        topics: ['Kỹ năng số'],
      },
    },
  );
  itemId = created.data!.createLibraryItem.id;
  await gqlAs(lib, 'editor', 'mutation($id: ID!) { publishLibraryItem(id: $id) { id } }', {
    id: itemId,
  });
});

describe('portal statistics (library)', () => {
  it('counts item views by audience class, flushed with the items counters', async () => {
    const view = async (
      who: 'anonymous' | string,
      clientKey: string,
      v: Record<string, unknown> | null,
    ) =>
      gql(lib.graphqlUrl, VIEW, {
        variables: { id: itemId, view: v },
        internalToken: await internalTokenFor(
          who === 'anonymous' ? ANONYMOUS : testViewer('citizen', { id: who }),
          { clientKey },
        ),
      });
    expect(
      (await view('dan-1', 'k1', { device: 'MOBILE', region: 'HCMC' })).data?.recordLibraryItemView,
    ).toBe(true);
    expect(
      (await view('dan-2', 'k2', { device: 'TABLET', region: 'OTHER_PROVINCE' })).data
        ?.recordLibraryItemView,
    ).toBe(true);
    expect(
      (await view('anonymous', 'k3', { device: 'DESKTOP', region: 'ABROAD' })).data
        ?.recordLibraryItemView,
    ).toBe(true);
    // Without a page view the item's own count still counts, the audience does not.
    expect((await view('anonymous', 'k4', null)).data?.recordLibraryItemView).toBe(true);
    expect(errorCodes(await view('anonymous', 'k5', { device: 'FRIDGE' }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const flush = libraryMaintenanceProcessor({
      models: lib.models,
      counters: lib.counters,
      storage: lib.storage,
      logger: silentLogger,
      audience: libraryAudienceCounter({
        conn: lib.conn,
        redis: lib.redis,
        keyPrefix: lib.keyPrefix,
        logger: silentLogger,
      }).counter,
    });
    expect(await flush({ task: 'flush-counters' }, {} as never)).toMatchObject({
      batches: 1,
      items: 1,
    });
    const today = dayKey(new Date());
    const id = portalStatsKey({ from: dayStart(today), to: dayEnd(today), granularity: 'DAY' });
    const res = await gqlAs(lib, 'editor', ENTITIES, portalStatsEntity(id));
    expect(resolvedPortalStats(res).libraryItems).toEqual({
      views: 3,
      uniqueReaders: 3,
      signedInViews: 2,
      anonymousViews: 1,
      byDevice: viewsByDevice({ DESKTOP: 1, MOBILE: 1, TABLET: 1 }),
      byRegion: viewsByRegion({ HCMC: 1, OTHER_PROVINCE: 1, ABROAD: 1 }),
      series: [{ views: 3, uniqueReaders: 3 }],
    });
  });

  it('answers editors and admins only', async () => {
    const id = portalStatsKey({
      from: new Date('2025-10-01T00:00:00Z'),
      to: new Date('2025-11-01T00:00:00Z'),
      granularity: 'WEEK',
    });
    await expectErrorCodes(
      (who) => gqlAs(lib, who ?? 'anonymous', ENTITIES, portalStatsEntity(id)),
      {
        ...EDITORS_AND_ADMINS_ONLY,
        admin: null,
      },
    );
  });
});
