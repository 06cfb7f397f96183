import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@portal/auth';
import { errorCodes } from '@portal/testing';
import { fold } from '@portal/text';
import { samplePdf, sampleMp4 } from '../src/seed/sample-files';
import { contractOperation } from '@portal/local-services';
import { contractPart } from './contract';
import { gqlAs, tokenFor, upload, uploadAsEditor, useTestLibrary } from './helpers';

const lib = useTestLibrary('library-items');

const CREATE = `mutation($input: CreateLibraryItemInput!) {
  createLibraryItem(input: $input) { id slug status version createdAt }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateLibraryItemInput!, $v: Int!) {
  updateLibraryItem(id: $id, input: $input, expectedVersion: $v) {
    id title version status description topics fileIds: files { id }
  }
}`;
const PUBLISH = 'mutation($id: ID!) { publishLibraryItem(id: $id) { id status publishedAt } }';
const ARCHIVE = 'mutation($id: ID!) { archiveLibraryItem(id: $id) { id status } }';
const ITEM_BY_ID =
  'query($id: ID!) { libraryItem(id: $id) { id title status version description } }';

async function createItem(role: Role, input: Record<string, unknown>, viewerId?: string) {
  const res = await gqlAs(
    lib,
    role,
    CREATE,
    { input },
    viewerId ? { viewer: { id: viewerId } } : {},
  );
  if (!res.data?.createLibraryItem) throw new Error(JSON.stringify(res.errors));
  return res.data.createLibraryItem as { id: string; slug: string; version: number };
}

async function publish(id: string) {
  const res = await gqlAs(lib, 'editor', PUBLISH, { id });
  if (res.data?.publishLibraryItem?.status !== 'PUBLISHED')
    throw new Error(JSON.stringify(res.errors));
}

let pdfId: string;
let videoId: string;

beforeAll(async () => {
  pdfId = (
    await uploadAsEditor(lib, {
      bytes: samplePdf({ title: 'Tài liệu', pages: [['Một'], ['Hai']] }),
      name: 'tai-lieu.pdf',
    })
  ).id;
  videoId = (
    await uploadAsEditor(lib, { bytes: sampleMp4({ payloadBytes: 2000 }), name: 'video.mp4' })
  ).id;
});

describe('the contract operations', () => {
  it('creates, publishes, shows and lists an item exactly as the contract asks', async () => {
    const collection = await gqlAs(
      lib,
      'editor',
      'mutation { createCollection(input: { title: "Khóa học Kỹ năng số cơ bản" }) { id title } }',
    );
    const collectionId = collection.data!.createCollection.id;
    const created = await gqlAs(
      lib,
      'editor',
      contractOperation('CreateLibraryItem'),
      {
        input: {
          title: 'Cẩm nang Chuyển đổi số cho doanh nghiệp nhỏ',
          description: 'Hướng dẫn từng bước cho hộ kinh doanh và doanh nghiệp nhỏ.',
          format: 'DOCUMENT',
          topics: ['Kinh tế số', 'Doanh nghiệp'],
          audience: ['BUSINESS'],
          publisher: 'Bộ Khoa học và Công nghệ',
          language: 'vi',
          fileIds: [pdfId],
          collectionId,
        },
      },
      { operationName: 'CreateLibraryItem' },
    );
    expect(created.errors).toBeUndefined();
    const item = created.data!.createLibraryItem;
    expect(item).toMatchObject({
      slug: 'cam-nang-chuyen-doi-so-cho-doanh-nghiep-nho',
      status: 'DRAFT',
    });

    const published = await gqlAs(lib, 'editor', contractOperation('PublishLibraryItem'), {
      id: item.id,
    });
    expect(published.data).toEqual({ publishLibraryItem: { id: item.id, status: 'PUBLISHED' } });

    const page = await gqlAs(lib, 'anonymous', contractOperation('LibraryItemPage'), {
      slug: item.slug,
    });
    expect(page.errors).toBeUndefined();
    expect(page.headers.get('cache-control')).toBe('max-age=600, public');
    expect(page.data!.libraryItem).toMatchObject({
      id: item.id,
      slug: item.slug,
      title: 'Cẩm nang Chuyển đổi số cho doanh nghiệp nhỏ',
      format: 'DOCUMENT',
      topics: ['Kinh tế số', 'Doanh nghiệp'],
      audience: ['BUSINESS'],
      publisher: 'Bộ Khoa học và Công nghệ',
      language: 'vi',
      collection: { id: collectionId, title: 'Khóa học Kỹ năng số cơ bản' },
      files: [
        {
          id: pdfId,
          url: `https://cds.hochiminhcity.gov.vn/files/${pdfId}`,
          mimeType: 'application/pdf',
        },
      ],
    });
    expect(page.data!.libraryItem.files[0].sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(typeof page.data!.libraryItem.files[0].sizeBytes).toBe('number');
    expect(new Date(page.data!.libraryItem.publishedAt).getTime()).toBeGreaterThan(0);

    const browse = await gqlAs(lib, 'anonymous', contractOperation('LibraryBrowse'), {
      format: 'DOCUMENT',
      topic: 'kinh te so',
      q: 'doanh nghiep nho',
    });
    expect(browse.errors).toBeUndefined();
    expect(browse.data!.libraryItems).toMatchObject({
      nodes: [
        {
          id: item.id,
          slug: item.slug,
          format: 'DOCUMENT',
          audience: ['BUSINESS'],
          publisher: 'Bộ Khoa học và Công nghệ',
          downloadCount: 0,
        },
      ],
      pageInfo: { hasNextPage: false },
      totalCount: 1,
    });

    const home = await gqlAs(lib, 'anonymous', contractPart('HomePage', ['libraryItems']));
    expect(home.errors).toBeUndefined();
    expect(home.data!.libraryItems.nodes[0]).toEqual({
      id: item.id,
      slug: item.slug,
      title: 'Cẩm nang Chuyển đổi số cho doanh nghiệp nhỏ',
      format: 'DOCUMENT',
      topics: ['Kinh tế số', 'Doanh nghiệp'],
    });
  });
});

describe('rights per role', () => {
  it('lets contributors and editors create drafts, and nobody else', async () => {
    const input = { title: 'Tài liệu thử quyền', format: 'DOCUMENT' };
    expect(errorCodes(await gqlAs(lib, 'anonymous', CREATE, { input }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    for (const role of ['citizen', 'moderator', 'officer'] as const)
      expect(errorCodes(await gqlAs(lib, role, CREATE, { input })), role).toEqual(['FORBIDDEN']);
    for (const role of ['contributor', 'editor', 'admin'] as const) {
      const res = await gqlAs(lib, role, CREATE, { input });
      expect(res.data?.createLibraryItem.status, role).toBe('DRAFT');
    }
  });

  it('lets only editors publish and archive', async () => {
    const item = await createItem('contributor', {
      title: 'Bài giảng an toàn thông tin',
      format: 'VIDEO',
      fileIds: [],
    });
    for (const role of ['anonymous', 'citizen', 'contributor', 'moderator'] as const) {
      const expected = role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect(errorCodes(await gqlAs(lib, role, PUBLISH, { id: item.id })), role).toEqual([
        expected,
      ]);
      expect(errorCodes(await gqlAs(lib, role, ARCHIVE, { id: item.id })), role).toEqual([
        expected,
      ]);
    }
    const archived = await gqlAs(lib, 'editor', ARCHIVE, { id: item.id });
    expect(archived.data?.archiveLibraryItem.status).toBe('ARCHIVED');
  });

  it('lets a contributor edit only their own drafts', async () => {
    const mine = await createItem(
      'contributor',
      { title: 'Bản nháp của tôi', format: 'LINK', externalUrl: 'https://example.vn/a' },
      'c-owner',
    );
    const edit = (role: Role, viewerId: string, v = mine.version) =>
      gqlAs(
        lib,
        role,
        UPDATE,
        { id: mine.id, input: { title: 'Bản nháp đã sửa' }, v },
        { viewer: { id: viewerId } },
      );

    expect(errorCodes(await edit('contributor', 'c-other'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await edit('citizen', 'c-owner'))).toEqual(['FORBIDDEN']);
    const ok = await edit('contributor', 'c-owner');
    expect(ok.data?.updateLibraryItem).toMatchObject({ title: 'Bản nháp đã sửa', version: 2 });

    await publish(mine.id);
    const afterPublish = await edit('contributor', 'c-owner', 3);
    expect(errorCodes(afterPublish)).toEqual(['FORBIDDEN']);
    const byEditor = await gqlAs(lib, 'editor', UPDATE, {
      id: mine.id,
      input: { description: 'Biên tập viên bổ sung mô tả' },
      v: 3,
    });
    expect(byEditor.data?.updateLibraryItem).toMatchObject({
      description: 'Biên tập viên bổ sung mô tả',
      version: 4,
    });
  });

  it('keeps collections to editors and contributors to their own files', async () => {
    const collection = await gqlAs(
      lib,
      'editor',
      'mutation { createCollection(input: { title: "Bộ tài liệu biên tập" }) { id } }',
    );
    const res = await gqlAs(lib, 'contributor', CREATE, {
      input: {
        title: 'Đặt vào bộ sưu tập',
        format: 'DOCUMENT',
        collectionId: collection.data!.createCollection.id,
      },
    });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    // pdfId was uploaded by an editor.
    const foreign = await gqlAs(lib, 'contributor', CREATE, {
      input: { title: 'Gắn tệp của người khác', format: 'DOCUMENT', fileIds: [pdfId] },
    });
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    const contributorToken = await tokenFor('contributor');
    const own = await upload(
      lib,
      { bytes: samplePdf({ title: 'Của tôi', pages: [['x']] }), name: 'cua-toi.pdf' },
      contributorToken,
    );
    const withOwn = await gqlAs(lib, 'contributor', CREATE, {
      input: { title: 'Gắn tệp của mình', format: 'DOCUMENT', fileIds: [own.body.file.id] },
    });
    expect(withOwn.errors).toBeUndefined();
  });
});

describe('visibility', () => {
  it('shows drafts and archived items to editors and their author only', async () => {
    const draft = await createItem(
      'contributor',
      { title: 'Dự thảo quy trình số hóa hồ sơ', format: 'DOCUMENT' },
      'c-author',
    );
    const readAs = (role: Role | 'anonymous', viewerId?: string) =>
      gqlAs(lib, role, ITEM_BY_ID, { id: draft.id }, viewerId ? { viewer: { id: viewerId } } : {});
    expect((await readAs('anonymous')).data?.libraryItem).toBeNull();
    expect((await readAs('citizen')).data?.libraryItem).toBeNull();
    expect((await readAs('contributor', 'c-someone')).data?.libraryItem).toBeNull();
    expect((await readAs('contributor', 'c-author')).data?.libraryItem?.id).toBe(draft.id);
    const asEditor = await readAs('editor');
    expect(asEditor.data?.libraryItem?.status).toBe('DRAFT');
    expect(asEditor.headers.get('cache-control')).not.toContain('public');

    const list = (role: Role | 'anonymous', status?: string, viewerId?: string) =>
      gqlAs(
        lib,
        role,
        'query($f: LibraryItemFilter) { libraryItems(first: 100, filter: $f) { nodes { id } } }',
        { f: status ? { status } : {} },
        viewerId ? { viewer: { id: viewerId } } : {},
      );
    const ids = (res: Awaited<ReturnType<typeof list>>) =>
      (res.data?.libraryItems.nodes ?? []).map((n: { id: string }) => n.id);
    expect(ids(await list('anonymous'))).not.toContain(draft.id);
    expect(errorCodes(await list('anonymous', 'DRAFT'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await list('citizen', 'DRAFT'))).toEqual(['FORBIDDEN']);
    expect(ids(await list('contributor', 'DRAFT', 'c-author'))).toEqual([draft.id]);
    expect(ids(await list('contributor', 'DRAFT', 'c-someone'))).not.toContain(draft.id);
    expect(ids(await list('editor', 'DRAFT'))).toContain(draft.id);
  });
});

describe('validation', () => {
  it('refuses bad input with BAD_USER_INPUT naming every field', async () => {
    const res = await gqlAs(lib, 'editor', CREATE, {
      input: {
        title: 'ab',
        format: 'VIDEO',
        pageCount: 10,
        language: 'Tiếng Việt',
        externalUrl: 'javascript:alert(1)',
        topics: ['x'.repeat(61)],
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.title',
        'input.language',
        'input.externalUrl',
        'input.topics.0',
      ]),
    );
    const crossField = await gqlAs(lib, 'editor', CREATE, {
      input: { title: 'Video có số trang', format: 'VIDEO', pageCount: 10 },
    });
    expect(crossField.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.pageCount', message: 'applies only to DOCUMENT, SLIDES, EBOOK' },
    ]);
    const link = await gqlAs(lib, 'editor', CREATE, {
      input: { title: 'Liên kết', format: 'LINK' },
    });
    expect(link.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.externalUrl', message: 'is required for a LINK' },
    ]);
    const missingFile = await gqlAs(lib, 'editor', CREATE, {
      input: { title: 'Tệp không tồn tại', format: 'DOCUMENT', fileIds: [pdfId, 'a'.repeat(24)] },
    });
    expect(missingFile.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.fileIds.1', message: 'is not an uploaded file' },
    ]);
  });

  it('publishes only an item whose material is there, and never breaks a published one', async () => {
    const video = await createItem('editor', {
      title: 'Video chỉ có PDF',
      format: 'VIDEO',
      fileIds: [pdfId],
    });
    const refused = await gqlAs(lib, 'editor', PUBLISH, { id: video.id });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions!.fields[0].field).toBe('item.fileIds');
    expect(
      (await gqlAs(lib, 'editor', ITEM_BY_ID, { id: video.id })).data?.libraryItem.status,
    ).toBe('DRAFT');
    const fixed = await gqlAs(lib, 'editor', UPDATE, {
      id: video.id,
      input: { fileIds: [videoId, pdfId] },
      v: video.version,
    });
    expect(fixed.errors).toBeUndefined();
    await publish(video.id);
    const breaking = await gqlAs(lib, 'editor', UPDATE, {
      id: video.id,
      input: { fileIds: [pdfId] },
      v: 3,
    });
    expect(breaking.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('input.fileIds');
    const kept = await gqlAs(
      lib,
      'anonymous',
      'query($id: ID!) { libraryItem(id: $id) { files { id } version } }',
      { id: video.id },
    );
    expect(kept.data?.libraryItem).toEqual({ files: [{ id: videoId }, { id: pdfId }], version: 3 });
  });

  it('refuses a stale expectedVersion with CONFLICT and keeps the stored item', async () => {
    const item = await createItem('editor', { title: 'Phiên bản gốc', format: 'DOCUMENT' });
    const first = await gqlAs(lib, 'editor', UPDATE, {
      id: item.id,
      input: { title: 'Sửa lần một' },
      v: 1,
    });
    expect(first.data?.updateLibraryItem.version).toBe(2);
    const stale = await gqlAs(lib, 'editor', UPDATE, {
      id: item.id,
      input: { title: 'Sửa từ bản cũ' },
      v: 1,
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const stored = await gqlAs(lib, 'editor', ITEM_BY_ID, { id: item.id });
    expect(stored.data?.libraryItem).toMatchObject({ title: 'Sửa lần một', version: 2 });
  });
});

describe('search, filters and pagination', () => {
  const LIST = `query($first: Int, $after: String, $f: LibraryItemFilter) {
    libraryItems(first: $first, after: $after, filter: $f) {
      nodes { id title } pageInfo { hasNextPage endCursor } totalCount
    }
  }`;
  const titles = async (f: Record<string, unknown>, first = 100) => {
    const res = await gqlAs(lib, 'anonymous', LIST, { f, first });
    expect(res.errors).toBeUndefined();
    return res.data!.libraryItems.nodes.map((n: { title: string }) => n.title) as string[];
  };

  beforeAll(async () => {
    const items = [
      {
        title: 'Chuyển đổi số trong y tế cơ sở',
        format: 'DOCUMENT',
        topics: ['Y tế số'],
        audience: ['CIVIL_SERVANT'],
        publisher: 'Sở Y tế TP.HCM',
        fileIds: [pdfId],
      },
      {
        title: 'Đào tạo kỹ năng số cho đoàn viên',
        format: 'VIDEO',
        topics: ['Kỹ năng số'],
        audience: ['CITIZEN'],
        publisher: 'Thành Đoàn TP.HCM',
        fileIds: [videoId],
      },
      {
        title: 'Digital transformation playbook',
        format: 'LINK',
        topics: ['Chính phủ số'],
        audience: ['CIVIL_SERVANT', 'BUSINESS'],
        publisher: 'World Bank',
        language: 'en',
        externalUrl: 'https://www.worldbank.org/en/topic/digitaldevelopment',
      },
      {
        title: 'Sổ tay dịch vụ công trực tuyến',
        description: 'Cách nộp hồ sơ chuyển đổi số trên Cổng dịch vụ công',
        format: 'EBOOK',
        topics: ['Chính phủ số', 'Dịch vụ công'],
        audience: ['CITIZEN'],
        publisher: 'Nhà xuất bản Thông tin và Truyền thông',
        fileIds: [pdfId],
      },
    ];
    for (const input of items) await publish((await createItem('editor', input)).id);
    // A draft that must never show up in public search.
    await createItem('editor', { title: 'Chuyển đổi số nháp', format: 'DOCUMENT' });
  });

  it('finds items ignoring accents and đ, best title matches first', async () => {
    // Both titles hold the phrase (the newer first); "Sổ tay…" matches one title word and the
    // rest in its description, so it comes after them although it is the newest. The
    // draft "Chuyển đổi số nháp" never shows.
    expect(await titles({ search: 'chuyen doi so' })).toEqual([
      'Chuyển đổi số trong y tế cơ sở',
      'Cẩm nang Chuyển đổi số cho doanh nghiệp nhỏ',
      'Sổ tay dịch vụ công trực tuyến',
    ]);
    expect(await titles({ search: 'CHUYỂN ĐỔI SỐ', sort: 'NEWEST' })).toEqual([
      'Sổ tay dịch vụ công trực tuyến',
      'Chuyển đổi số trong y tế cơ sở',
      'Cẩm nang Chuyển đổi số cho doanh nghiệp nhỏ',
    ]);
  });

  it('filters by format, topic, audience, publisher and language', async () => {
    expect(await titles({ format: 'VIDEO' })).toEqual([
      'Đào tạo kỹ năng số cho đoàn viên',
      'Video chỉ có PDF',
    ]);
    expect(await titles({ topic: 'chinh phu so' })).toEqual([
      'Sổ tay dịch vụ công trực tuyến',
      'Digital transformation playbook',
    ]);
    expect((await titles({ audience: 'BUSINESS' })).sort()).toEqual(
      expect.arrayContaining(['Digital transformation playbook']),
    );
    expect(await titles({ audience: 'CIVIL_SERVANT', language: 'en' })).toEqual([
      'Digital transformation playbook',
    ]);
    expect(await titles({ publisher: 'so y te tp.hcm' })).toEqual([
      'Chuyển đổi số trong y tế cơ sở',
    ]);
    expect(await titles({ search: 'dao tao doan vien' })).toEqual([
      'Đào tạo kỹ năng số cho đoàn viên',
    ]);
    expect(await titles({ search: 'khong co gi' })).toEqual([]);
  });

  it('pages through every published item once, newest first, with a stable cursor', async () => {
    const all = await titles({}, 100);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await gqlAs(lib, 'anonymous', LIST, { first: 2, after, f: {} });
      const conn = res.data!.libraryItems;
      expect(conn.totalCount).toBe(all.length);
      seen.push(...conn.nodes.map((n: { title: string }) => n.title));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(all[0]).toBe('Sổ tay dịch vụ công trực tuyến');
    const bad = await gqlAs(lib, 'anonymous', LIST, { first: 2, after: 'nonsense', f: {} });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const byTitle = await titles({ sort: 'TITLE' });
    // Accents ignored: "Đào tạo…" files under D, before "Digital…".
    expect(byTitle).toEqual([...all].sort((a, b) => (fold(a) < fold(b) ? -1 : 1)));
    expect(byTitle[0]).toBe('Bản nháp đã sửa');
  });
});
