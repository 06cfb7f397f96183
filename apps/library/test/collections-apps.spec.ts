import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@portal/auth';
import { errorCodes, gql, internalTokenFor, testViewer } from '@portal/testing';
import { samplePdf } from '../src/seed/sample-files';
import { gqlAs, uploadAsEditor, useTestLibrary } from './helpers';

const lib = useTestLibrary('library-collections');

async function ok(role: Role | 'anonymous', query: string, variables?: Record<string, unknown>) {
  const res = await gqlAs(lib, role, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

async function item(title: string, publish: boolean, fileId: string): Promise<string> {
  const created = await ok(
    'editor',
    'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { id } }',
    { input: { title, format: 'DOCUMENT', fileIds: [fileId], topics: ['Kỹ năng số'] } },
  );
  const id = created.createLibraryItem.id as string;
  if (publish)
    await ok('editor', 'mutation($id: ID!) { publishLibraryItem(id: $id) { id } }', { id });
  return id;
}

/** Counts the find/aggregate commands the server sends while `run` runs. */
async function countQueries(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  lib.conn.set('debug', (collection: string, method: string) => {
    if (method === 'find' || method === 'aggregate' || method === 'findOne')
      counts[collection] = (counts[collection] ?? 0) + 1;
  });
  try {
    await run();
  } finally {
    lib.conn.set('debug', false);
  }
  return counts;
}

let fileId: string;
beforeAll(async () => {
  fileId = (
    await uploadAsEditor(lib, {
      bytes: samplePdf({ title: 'Bài', pages: [['1']] }),
      name: 'bai.pdf',
    })
  ).id;
});

describe('collections', () => {
  const ITEMS = `query($id: ID!, $after: String) {
    collection(id: $id) { title itemCount items(first: 2, after: $after) {
      nodes { title status } pageInfo { hasNextPage endCursor } totalCount } }
  }`;

  it('keeps an ordered set of items; the public sees the published ones', async () => {
    const created = await ok(
      'editor',
      'mutation { createCollection(input: { title: "Khóa học An toàn thông tin cho cán bộ", description: "Năm bài học" }) { id slug version } }',
    );
    const { id, slug } = created.createCollection;
    expect(slug).toBe('khoa-hoc-an-toan-thong-tin-cho-can-bo');
    const lesson = await Promise.all([
      item('Bài 1: Mật khẩu an toàn', true, fileId),
      item('Bài 2: Nhận diện lừa đảo', true, fileId),
      item('Bài 3: Bảo vệ dữ liệu cá nhân (nháp)', false, fileId),
      item('Bài 4: Sao lưu dữ liệu', true, fileId),
    ]);
    // The order given, not creation order.
    const order = [lesson[3], lesson[0], lesson[2], lesson[1]];
    await ok(
      'editor',
      'mutation($id: ID!, $items: [ID!]!) { setCollectionItems(id: $id, itemIds: $items) { id } }',
      { id, items: order },
    );

    const titles: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ok('anonymous', ITEMS, { id, after })).collection;
      expect(page.itemCount).toBe(3);
      expect(page.items.totalCount).toBe(3);
      titles.push(...page.items.nodes.map((n: { title: string }) => n.title));
      if (!page.items.pageInfo.hasNextPage) break;
      after = page.items.pageInfo.endCursor;
    }
    expect(titles).toEqual([
      'Bài 4: Sao lưu dữ liệu',
      'Bài 1: Mật khẩu an toàn',
      'Bài 2: Nhận diện lừa đảo',
    ]);
    const asEditor = (await ok('editor', ITEMS, { id })).collection.items;
    expect(asEditor.totalCount).toBe(4);
    expect(asEditor.nodes[1]).toEqual({ title: 'Bài 1: Mật khẩu an toàn', status: 'PUBLISHED' });

    const filtered = await ok(
      'anonymous',
      'query($c: ID) { libraryItems(filter: { collectionId: $c }) { totalCount nodes { collection { slug } } } }',
      { c: id },
    );
    expect(filtered.libraryItems.totalCount).toBe(3);
    expect(filtered.libraryItems.nodes[0].collection.slug).toBe(slug);

    // Taking an item out; the others keep their order.
    await ok(
      'editor',
      'mutation($id: ID!, $items: [ID!]!) { setCollectionItems(id: $id, itemIds: $items) { id } }',
      { id, items: [lesson[3], lesson[1]] },
    );
    const after2 = (await ok('anonymous', ITEMS, { id })).collection;
    expect(after2.items.nodes.map((n: { title: string }) => n.title)).toEqual([
      'Bài 4: Sao lưu dữ liệu',
      'Bài 2: Nhận diện lừa đảo',
    ]);
    const removed = await ok(
      'anonymous',
      'query($id: ID!) { libraryItem(id: $id) { collection { id } } }',
      {
        id: lesson[0],
      },
    );
    expect(removed.libraryItem.collection).toBeNull();

    const bySlug = await ok('anonymous', 'query($s: String) { collection(slug: $s) { id } }', {
      s: slug,
    });
    expect(bySlug.collection.id).toBe(id);
  });

  it('is managed by editors only, with CONFLICT on a stale version and BAD_USER_INPUT on unknown items', async () => {
    const create =
      'mutation { createCollection(input: { title: "Bộ sưu tập thử" }) { id version } }';
    expect(errorCodes(await gqlAs(lib, 'anonymous', create))).toEqual(['UNAUTHENTICATED']);
    for (const role of ['citizen', 'contributor', 'moderator'] as const)
      expect(errorCodes(await gqlAs(lib, role, create)), role).toEqual(['FORBIDDEN']);
    const { id } = (await ok('editor', create)).createCollection;

    const update = `mutation($id: ID!, $v: Int!, $t: String) {
      updateCollection(id: $id, input: { title: $t }, expectedVersion: $v) { title version } }`;
    expect(
      (await ok('editor', update, { id, v: 1, t: 'Bộ sưu tập đã đổi tên' })).updateCollection,
    ).toEqual({ title: 'Bộ sưu tập đã đổi tên', version: 2 });
    expect(
      errorCodes(await gqlAs(lib, 'editor', update, { id, v: 1, t: 'Tên từ bản cũ' })),
    ).toEqual(['CONFLICT']);
    expect(errorCodes(await gqlAs(lib, 'editor', update, { id, v: 2, t: 'x' }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const set =
      'mutation($id: ID!, $items: [ID!]!) { setCollectionItems(id: $id, itemIds: $items) { id } }';
    const unknown = await gqlAs(lib, 'editor', set, { id, items: ['b'.repeat(24)] });
    expect(unknown.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'itemIds.0', message: 'is not a library item' },
    ]);
    expect(errorCodes(await gqlAs(lib, 'contributor', set, { id, items: [] }))).toEqual([
      'FORBIDDEN',
    ]);

    const member = await item('Tài liệu trong bộ sưu tập sẽ xóa', true, fileId);
    await ok('editor', set, { id, items: [member] });
    expect(
      errorCodes(
        await gqlAs(lib, 'contributor', 'mutation($id: ID!) { deleteCollection(id: $id) }', { id }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      (await ok('editor', 'mutation($id: ID!) { deleteCollection(id: $id) }', { id }))
        .deleteCollection,
    ).toBe(true);
    const orphan = await ok(
      'anonymous',
      'query($id: ID!) { libraryItem(id: $id) { title collection { id } } }',
      {
        id: member,
      },
    );
    expect(orphan.libraryItem).toEqual({
      title: 'Tài liệu trong bộ sưu tập sẽ xóa',
      collection: null,
    });
  });
});

describe('entity resolution', () => {
  it('resolves N item and collection references with one query each, hiding drafts from the public', async () => {
    const published = await Promise.all([
      item('Tham chiếu 1', true, fileId),
      item('Tham chiếu 2', true, fileId),
      item('Tham chiếu 3', true, fileId),
    ]);
    const draft = await item('Tham chiếu nháp', false, fileId);
    const collections = await Promise.all(
      ['Tham chiếu A', 'Tham chiếu B'].map(
        async (title) =>
          (
            await ok(
              'editor',
              'mutation($t: String!) { createCollection(input: { title: $t }) { id } }',
              { t: title },
            )
          ).createCollection.id as string,
      ),
    );
    const representations = [
      ...[...published, draft, 'c'.repeat(24)].map((id) => ({ __typename: 'LibraryItem', id })),
      ...[...collections, 'not-an-id'].map((id) => ({ __typename: 'Collection', id })),
    ];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on LibraryItem { id title files { id } }
      ... on Collection { id title }
    } }`;
    let res: Awaited<ReturnType<typeof gqlAs>> | undefined;
    const counts = await countQueries(async () => {
      res = await gqlAs(lib, 'anonymous', query, { r: representations });
    });
    expect(res!.errors).toBeUndefined();
    expect(res!.data!._entities.map((e: { title?: string } | null) => e?.title ?? null)).toEqual([
      'Tham chiếu 1',
      'Tham chiếu 2',
      'Tham chiếu 3',
      null,
      null,
      'Tham chiếu A',
      'Tham chiếu B',
      null,
    ]);
    expect(counts).toEqual({ library_items: 1, media_files: 1, collections: 1 });

    const asEditor = await gqlAs(lib, 'editor', query, {
      r: [{ __typename: 'LibraryItem', id: draft }],
    });
    expect(asEditor.data!._entities[0].title).toBe('Tham chiếu nháp');
  });

  it('batches a page of 24 items into one query per related collection', async () => {
    const counts = await countQueries(() =>
      gqlAs(
        lib,
        'anonymous',
        '{ libraryItems(first: 24) { nodes { id files { id } collection { id } downloadCount viewCount } } }',
      ),
    );
    expect(counts.library_items).toBe(1);
    expect(counts.media_files).toBe(1);
    expect(counts.library_item_stats).toBe(1);
  });
});

describe('views and topics', () => {
  it('counts a view once per client per day, and only of published items', async () => {
    const id = await item('Đếm lượt xem', true, fileId);
    const draft = await item('Nháp không đếm', false, fileId);
    const view = async (clientKey: string, itemId = id) =>
      gql(lib.graphqlUrl, 'mutation($id: ID!) { recordLibraryItemView(id: $id) }', {
        variables: { id: itemId },
        internalToken: await internalTokenFor(testViewer('citizen'), { clientKey }),
      });
    expect((await view('k1')).data?.recordLibraryItemView).toBe(true);
    expect((await view('k1')).data?.recordLibraryItemView).toBe(false);
    expect((await view('k2')).data?.recordLibraryItemView).toBe(true);
    expect((await view('k2')).data?.recordLibraryItemView).toBe(false);
    expect(errorCodes(await view('k3', draft))).toEqual(['NOT_FOUND']);
    expect((await lib.counters.pending())[`view:${id}`]).toBe('2');
  });

  it('lists topics with counts, merging spellings that differ only in accents or case', async () => {
    await ok(
      'editor',
      'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { id } }',
      {
        input: {
          title: 'Biến thể chủ đề',
          format: 'LINK',
          externalUrl: 'https://a.vn',
          topics: ['kỹ năng số'],
        },
      },
    ).then((d) =>
      ok('editor', 'mutation($id: ID!) { publishLibraryItem(id: $id) { id } }', {
        id: d.createLibraryItem.id,
      }),
    );
    const topics = (await ok('anonymous', '{ libraryTopics { topic itemCount } }')).libraryTopics;
    const published = (
      await ok('anonymous', '{ libraryItems(filter: { topic: "ky nang so" }) { totalCount } }')
    ).libraryItems.totalCount;
    expect(topics[0]).toEqual({ topic: 'Kỹ năng số', itemCount: published });
  });
});

describe('platform apps', () => {
  const CREATE = `mutation($input: CreatePlatformAppInput!) { createPlatformApp(input: $input) {
    id slug name ownerAgency ownerUnitCode category audience version } }`;
  const LIST = `query($f: PlatformAppFilter) { platformApps(first: 50, filter: $f) {
    nodes { name } totalCount } }`;

  it('is a directory editors manage and everyone reads, filtered by category, audience and words', async () => {
    const input = {
      name: 'Tổng đài 1022',
      description:
        'Tiếp nhận phản ánh, kiến nghị của người dân qua điện thoại, ứng dụng và cổng thông tin.',
      url: 'https://1022.tphcm.gov.vn',
      ownerUnitCode: 'TD-1022',
      category: 'CITIZEN_ENGAGEMENT',
      audience: ['CITIZEN', 'BUSINESS'],
    };
    expect(errorCodes(await gqlAs(lib, 'anonymous', CREATE, { input }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    for (const role of ['citizen', 'contributor', 'officer'] as const)
      expect(errorCodes(await gqlAs(lib, role, CREATE, { input })), role).toEqual(['FORBIDDEN']);
    const hotline = (await ok('editor', CREATE, { input })).createPlatformApp;
    expect(hotline).toMatchObject({
      slug: 'tong-dai-1022',
      ownerAgency: 'Tổng đài 1022 Thành phố Hồ Chí Minh',
      ownerUnitCode: 'TD-1022',
      audience: ['CITIZEN', 'BUSINESS'],
    });
    await ok('editor', CREATE, {
      input: {
        name: 'Cổng dịch vụ công Thành phố Hồ Chí Minh',
        description: 'Nộp hồ sơ và theo dõi thủ tục hành chính trực tuyến.',
        url: 'https://dichvucong.hochiminhcity.gov.vn',
        ownerUnitCode: 'VP-UBND',
        category: 'PUBLIC_SERVICES',
      },
    });

    const names = async (f: Record<string, unknown>) => {
      const res = await gqlAs(lib, 'anonymous', LIST, { f });
      expect(res.headers.get('cache-control')).toBe('max-age=300, public');
      return res.data!.platformApps.nodes.map((n: { name: string }) => n.name);
    };
    expect(await names({})).toEqual(['Cổng dịch vụ công Thành phố Hồ Chí Minh', 'Tổng đài 1022']);
    expect(await names({ category: 'PUBLIC_SERVICES' })).toEqual([
      'Cổng dịch vụ công Thành phố Hồ Chí Minh',
    ]);
    expect(await names({ audience: 'CIVIL_SERVANT' })).toEqual([
      'Cổng dịch vụ công Thành phố Hồ Chí Minh',
    ]);
    expect(await names({ search: 'phan anh kien nghi' })).toEqual(['Tổng đài 1022']);

    const update = `mutation($id: ID!, $input: UpdatePlatformAppInput!, $v: Int!) {
      updatePlatformApp(id: $id, input: $input, expectedVersion: $v) { name androidUrl version } }`;
    const updated = await ok('editor', update, {
      id: hotline.id,
      input: { androidUrl: 'https://play.google.com/store/apps/details?id=vn.gov.tphcm.dvc1022' },
      v: 1,
    });
    expect(updated.updatePlatformApp.version).toBe(2);
    expect(
      errorCodes(
        await gqlAs(lib, 'editor', update, { id: hotline.id, input: { name: 'Cũ' }, v: 1 }),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      errorCodes(
        await gqlAs(lib, 'contributor', 'mutation($id: ID!) { deletePlatformApp(id: $id) }', {
          id: hotline.id,
        }),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('refuses an unknown unit, a non-web URL and a missing owner by field', async () => {
    const res = await gqlAs(lib, 'editor', CREATE, {
      input: {
        name: 'Ứng dụng thử',
        description: 'Mô tả',
        url: 'ftp://example.vn',
        ownerUnitCode: 'SO-KHONG-CO',
        category: 'OTHER',
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(
      res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field).sort(),
    ).toEqual(['input.ownerUnitCode', 'input.url']);
    const noOwner = await gqlAs(lib, 'editor', CREATE, {
      input: { name: 'Không chủ quản', description: 'x', url: 'https://a.vn', category: 'OTHER' },
    });
    expect(noOwner.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.ownerAgency', message: 'is required unless ownerUnitCode is given' },
    ]);
  });
});
