// The AI-Challenge showcase: editors manage entries, the public lists them by year and award
// (keyset pages), "try it" clicks are hot counters flushed like views, and contest winners
// promoted by engagement arrive as `library-events` jobs that create an entry exactly once.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@portal/auth';
import { createRedisConnection, createWorker, Producer, type PayloadOf } from '@portal/queue';
import {
  errorCodes,
  gql,
  internalTokenFor,
  testServices,
  testViewer,
  waitUntil,
} from '@portal/testing';
import { libraryEventsProcessor } from '../src/jobs/library-events.processor';
import { sampleMp4, samplePdf } from '../src/seed/sample-files';
import { contractOperation } from '@portal/local-services';
import { flushTestCounters, gqlAs, silentLogger, uploadAsEditor, useTestLibrary } from './helpers';

const lib = useTestLibrary('library-showcase');

async function ok(role: Role | 'anonymous', query: string, variables?: Record<string, unknown>) {
  const res = await gqlAs(lib, role, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const FIELDS = `id slug title award awardTitle year contestName team { name role } category
  tryItUrl tryItKind demoVideo { id title format } tryItCount promotedFromContest status version`;
const CREATE = `mutation($input: CreateShowcaseEntryInput!) { createShowcaseEntry(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateShowcaseEntryInput!, $v: Int!) {
  updateShowcaseEntry(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveShowcaseEntry(id: $id) { id status } }`;
const LIST = `query($first: Int, $after: String, $filter: ShowcaseFilter) {
  showcaseEntries(first: $first, after: $after, filter: $filter) {
    nodes { title year award } pageInfo { hasNextPage endCursor } totalCount } }`;
const ONE = `query($id: ID, $slug: String) { showcaseEntry(id: $id, slug: $slug) { ${FIELDS} } }`;
const TRY = `mutation($id: ID!) { recordShowcaseTryIt(id: $id) }`;

const base = {
  title: 'Trợ lý ảo Dịch vụ công',
  description: 'Chatbot trả lời câu hỏi về thủ tục hành chính bằng tiếng Việt.',
  award: 'FIRST',
  awardTitle: 'Giải Nhất',
  year: 2024,
  team: [{ name: 'Nhóm UIT-AI', role: 'Đội thi' }],
  category: 'PUBLIC_SERVICES',
  tryItUrl: 'https://dichvucong.hochiminhcity.gov.vn/tro-ly-ao',
};

async function create(overrides: Record<string, unknown> = {}) {
  return (await ok('editor', CREATE, { input: { ...base, ...overrides } })).createShowcaseEntry;
}

let videoId: string;
let pdfItemId: string;
beforeAll(async () => {
  const mp4 = await uploadAsEditor(lib, {
    bytes: sampleMp4({ payloadBytes: 2048, seed: 'showcase' }),
    name: 'demo.mp4',
  });
  const video = await ok(
    'editor',
    'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { id } }',
    { input: { title: 'Video giới thiệu trợ lý ảo', format: 'VIDEO', fileIds: [mp4.id] } },
  );
  videoId = video.createLibraryItem.id;
  await ok('editor', 'mutation($id: ID!) { publishLibraryItem(id: $id) { id } }', { id: videoId });
  const pdf = await uploadAsEditor(lib, {
    bytes: samplePdf({ title: 'Tài liệu', pages: [['1']] }),
    name: 'tai-lieu.pdf',
  });
  pdfItemId = (
    await ok(
      'editor',
      'mutation($input: CreateLibraryItemInput!) { createLibraryItem(input: $input) { id } }',
      { input: { title: 'Tài liệu hướng dẫn', format: 'DOCUMENT', fileIds: [pdf.id] } },
    )
  ).createLibraryItem.id;
});

describe('showcase management', () => {
  it('lets only editors create, update and archive, deciding that before validating', async () => {
    const entry = await create({ title: 'Sản phẩm kiểm tra quyền' });
    const invalid = { ...base, tryItUrl: 'javascript:alert(1)', year: 1800 };
    for (const role of ['anonymous', 'citizen', 'contributor', 'moderator'] as const) {
      const expected = role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      // Invalid input too: a caller without the role learns nothing about the input rules.
      expect(errorCodes(await gqlAs(lib, role, CREATE, { input: invalid })), role).toEqual([
        expected,
      ]);
      expect(
        errorCodes(await gqlAs(lib, role, UPDATE, { id: entry.id, input: { year: 1 }, v: 1 })),
        role,
      ).toEqual([expected]);
      expect(errorCodes(await gqlAs(lib, role, ARCHIVE, { id: entry.id })), role).toEqual([
        expected,
      ]);
    }
    expect(await lib.models.showcase.countDocuments({ title: 'Sản phẩm kiểm tra quyền' })).toBe(1);
    const after = await ok('editor', ONE, { id: entry.id });
    expect(after.showcaseEntry).toMatchObject({ version: 1, status: 'ACTIVE', year: 2024 });
  });

  it('names every bad field with BAD_USER_INPUT and stores nothing', async () => {
    const res = await gqlAs(lib, 'editor', CREATE, {
      input: {
        ...base,
        title: 'Sản phẩm sai',
        tryItUrl: 'javascript:alert(1)',
        year: 1800,
        team: [],
        demoVideoItemId: 'not-an-id',
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field);
    expect(fields.sort()).toEqual([
      'input.demoVideoItemId',
      'input.team',
      'input.tryItUrl',
      'input.year',
    ]);
    const notVideo = await gqlAs(lib, 'editor', CREATE, {
      input: { ...base, title: 'Sản phẩm sai', demoVideoItemId: pdfItemId },
    });
    expect(notVideo.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.demoVideoItemId', message: 'must be a VIDEO item' },
    ]);
    expect(await lib.models.showcase.countDocuments({ title: 'Sản phẩm sai' })).toBe(0);
  });

  it('creates an entry with its demo video, team and plain-text fields', async () => {
    const entry = await create({
      title: '<b>Bản đồ</b> ngập lụt thông minh',
      demoVideoItemId: videoId,
      tryItKind: 'SANDBOX',
      award: 'SECOND',
      awardTitle: 'Giải Nhì',
    });
    expect(entry).toMatchObject({
      slug: 'ban-do-ngap-lut-thong-minh',
      title: 'Bản đồ ngập lụt thông minh',
      award: 'SECOND',
      contestName: 'AI-Challenge TP.HCM',
      team: [{ name: 'Nhóm UIT-AI', role: 'Đội thi' }],
      tryItKind: 'SANDBOX',
      demoVideo: { id: videoId, format: 'VIDEO' },
      tryItCount: 0,
      promotedFromContest: false,
    });
    const bySlug = await ok('anonymous', ONE, { slug: entry.slug });
    expect(bySlug.showcaseEntry.id).toBe(entry.id);
  });

  it('updates with expectedVersion; a stale version is CONFLICT', async () => {
    const entry = await create({ title: 'Phân tích phản ánh 1022' });
    const updated = await ok('editor', UPDATE, {
      id: entry.id,
      input: { award: 'SPECIAL', awardTitle: null, demoVideoItemId: videoId },
      v: 1,
    });
    expect(updated.updateShowcaseEntry).toMatchObject({
      award: 'SPECIAL',
      awardTitle: null,
      version: 2,
      demoVideo: { id: videoId },
      title: 'Phân tích phản ánh 1022',
    });
    const stale = await gqlAs(lib, 'editor', UPDATE, { id: entry.id, input: { year: 2023 }, v: 1 });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const bad = await gqlAs(lib, 'editor', UPDATE, { id: entry.id, input: { title: null }, v: 2 });
    expect(bad.errors?.[0]?.extensions?.fields.map((f: { field: string }) => f.field)).toEqual([
      'input.title',
    ]);
  });

  it('archives: gone from the public showcase, still there for editors', async () => {
    const entry = await create({ title: 'Sản phẩm lưu trữ', year: 2019 });
    expect((await ok('editor', ARCHIVE, { id: entry.id })).archiveShowcaseEntry.status).toBe(
      'ARCHIVED',
    );
    expect((await ok('anonymous', ONE, { id: entry.id })).showcaseEntry).toBeNull();
    expect((await ok('editor', ONE, { id: entry.id })).showcaseEntry.status).toBe('ARCHIVED');
    const publicList = await ok('anonymous', LIST, { filter: { year: 2019 } });
    expect(publicList.showcaseEntries.totalCount).toBe(0);
    for (const role of ['anonymous', 'citizen'] as const)
      expect(errorCodes(await gqlAs(lib, role, LIST, { filter: { status: 'ARCHIVED' } }))).toEqual([
        role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      ]);
    const editorList = await ok('editor', LIST, { filter: { status: 'ARCHIVED', year: 2019 } });
    expect(editorList.showcaseEntries.nodes.map((n: { title: string }) => n.title)).toEqual([
      'Sản phẩm lưu trữ',
    ]);
  });
});

describe('the public showcase', () => {
  it('filters by year and award, newest year first, first prize first, in keyset pages', async () => {
    for (const [title, year, award] of [
      ['Giám sát giao thông bằng camera', 2021, 'THIRD'],
      ['Nhận diện biển số xe', 2021, 'FIRST'],
      ['Tóm tắt văn bản pháp luật', 2022, 'SECOND'],
      ['Dự báo chất lượng không khí', 2022, 'FIRST'],
      ['Chatbot y tế cơ sở', 2022, 'FIRST'],
    ] as const)
      await create({ title, year, award });

    const y2022 = await ok('anonymous', LIST, { filter: { year: 2022 } });
    expect(y2022.showcaseEntries.nodes.map((n: { title: string }) => n.title)).toEqual([
      'Chatbot y tế cơ sở',
      'Dự báo chất lượng không khí',
      'Tóm tắt văn bản pháp luật',
    ]);
    const firsts = await ok('anonymous', LIST, {
      filter: { award: 'FIRST' },
      first: 100,
    });
    const years = firsts.showcaseEntries.nodes.map((n: { year: number }) => n.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(firsts.showcaseEntries.nodes.every((n: { award: string }) => n.award === 'FIRST')).toBe(
      true,
    );
    const firstOf2021 = await ok('anonymous', LIST, { filter: { year: 2021, award: 'FIRST' } });
    expect(firstOf2021.showcaseEntries.nodes.map((n: { title: string }) => n.title)).toEqual([
      'Nhận diện biển số xe',
    ]);

    // Keyset pages of two over everything: no duplicates, no gaps, the same order.
    const all = await ok('anonymous', LIST, { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await ok('anonymous', LIST, { first: 2, after })).showcaseEntries;
      seen.push(...page.nodes.map((n: { title: string }) => n.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.showcaseEntries.nodes.map((n: { title: string }) => n.title));
    expect(seen.length).toBe(all.showcaseEntries.totalCount);

    const badCursor = await gqlAs(lib, 'anonymous', LIST, { after: 'eyJ4Ijp7fX0' });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    const badYear = await gqlAs(lib, 'anonymous', LIST, { filter: { year: 99 } });
    expect(badYear.errors?.[0]?.extensions?.fields[0].field).toBe('filter.year');
  });

  it('counts "try it" clicks once per client per day, flushed like views', async () => {
    const entry = await create({ title: 'Sản phẩm dùng thử' });
    const click = async (clientKey: string, id = entry.id) =>
      gql(lib.graphqlUrl, TRY, {
        variables: { id },
        internalToken: await internalTokenFor(testViewer('citizen'), { clientKey }),
      });
    expect((await click('k1')).data?.recordShowcaseTryIt).toBe(true);
    expect((await click('k1')).data?.recordShowcaseTryIt).toBe(false);
    expect((await click('k2')).data?.recordShowcaseTryIt).toBe(true);
    expect(errorCodes(await click('k3', new Types.ObjectId().toHexString()))).toEqual([
      'NOT_FOUND',
    ]);
    expect((await lib.counters.pending())[`tryIt:${entry.id}`]).toBe('2');

    const result = await flushTestCounters(lib);
    expect(result.skipped).toBe(false);
    expect((await ok('anonymous', ONE, { id: entry.id })).showcaseEntry.tryItCount).toBe(2);
    // Nothing of it reached the items' stats.
    expect(await lib.models.stats.findById(new Types.ObjectId(entry.id)).lean()).toBeNull();

    await ok('editor', ARCHIVE, { id: entry.id });
    expect(errorCodes(await click('k4'))).toEqual(['NOT_FOUND']);
  });

  it('serves the contract’s showcase pages as written', async () => {
    const created = await ok('editor', contractOperation('CreateShowcaseEntry'), {
      input: { ...base, title: 'Trang hợp đồng showcase', year: 2020, demoVideoItemId: videoId },
    });
    const { id, slug } = created.createShowcaseEntry;
    const list = await ok('anonymous', contractOperation('Showcase'), {
      year: 2020,
      award: 'FIRST',
    });
    expect(list.showcaseEntries.nodes).toEqual([
      expect.objectContaining({
        id,
        title: 'Trang hợp đồng showcase',
        team: [{ name: 'Nhóm UIT-AI', role: 'Đội thi' }],
        tryItCount: 0,
        demoVideo: expect.objectContaining({ id: videoId }),
      }),
    ]);
    const page = await ok('anonymous', contractOperation('ShowcaseEntry'), { slug });
    expect(page.showcaseEntry.demoVideo.files[0].mimeType).toBe('video/mp4');
    expect(
      (await ok('citizen', contractOperation('RecordShowcaseTryIt'), { id })).recordShowcaseTryIt,
    ).toBe(true);
    const updated = await ok('editor', contractOperation('UpdateShowcaseEntry'), {
      id,
      input: { awardTitle: 'Giải Nhất chung cuộc' },
      expectedVersion: 1,
    });
    expect(updated.updateShowcaseEntry.version).toBe(2);
    const archived = await ok('editor', contractOperation('ArchiveShowcaseEntry'), { id });
    expect(archived.archiveShowcaseEntry).toEqual({ id, status: 'ARCHIVED', version: 3 });
  });

  it('resolves N entity references with one query', async () => {
    const a = await create({ title: 'Tham chiếu showcase A' });
    const b = await create({ title: 'Tham chiếu showcase B' });
    const archived = await create({ title: 'Tham chiếu showcase lưu trữ' });
    await ok('editor', ARCHIVE, { id: archived.id });
    const counts: Record<string, number> = {};
    lib.conn.set('debug', (collection: string, method: string) => {
      if (method === 'find' || method === 'findOne' || method === 'aggregate')
        counts[collection] = (counts[collection] ?? 0) + 1;
    });
    let res;
    try {
      res = await gqlAs(
        lib,
        'anonymous',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ShowcaseEntry { title tryItCount } } }`,
        {
          r: [a.id, b.id, archived.id, 'c'.repeat(24)].map((id) => ({
            __typename: 'ShowcaseEntry',
            id,
          })),
        },
      );
    } finally {
      lib.conn.set('debug', false);
    }
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e: { title: string } | null) => e?.title ?? null)).toEqual([
      'Tham chiếu showcase A',
      'Tham chiếu showcase B',
      null,
      null,
    ]);
    expect(counts).toEqual({ showcase_entries: 1, showcase_entry_stats: 1 });
  });
});

describe('contest winners promoted by engagement', () => {
  const promotion = (overrides: Partial<PayloadOf<'library-events'>> = {}) =>
    ({
      type: 'showcase.promote',
      showcaseEntryId: new Types.ObjectId().toHexString(),
      contestId: new Types.ObjectId().toHexString(),
      contestEntryId: new Types.ObjectId().toHexString(),
      contestTitle: 'AI-Challenge TP.HCM 2025',
      title: 'Trợ lý ảo giao thông',
      description: 'Gợi ý lộ trình tránh ngập và kẹt xe.',
      team: [{ name: 'Nhóm Bách Khoa', role: null }],
      award: 'FIRST',
      awardTitle: 'Giải Nhất',
      year: 2025,
      category: 'TRANSPORT',
      tryItUrl: 'https://giaothong.example.vn',
      demoVideoItemId: null,
      promotedBy: 'editor-1',
      ...overrides,
    }) as PayloadOf<'library-events'>;

  it('creates the entry once, however often and however concurrently the job arrives', async () => {
    const process = libraryEventsProcessor({ models: lib.models, logger: silentLogger });
    const job = promotion({ title: 'Trợ lý ảo giao thông' });
    const results = await Promise.all([1, 2, 3, 4].map(() => process(job, {} as never)));
    expect(results.filter((r) => (r as { created: boolean }).created)).toHaveLength(1);
    expect(await lib.models.showcase.countDocuments({ sourceEntryId: job.contestEntryId })).toBe(1);

    // An editor adjusts it; a late redelivery leaves the editor's change alone.
    const entry = await ok('editor', ONE, { id: job.showcaseEntryId });
    expect(entry.showcaseEntry).toMatchObject({
      title: 'Trợ lý ảo giao thông',
      contestName: 'AI-Challenge TP.HCM 2025',
      promotedFromContest: true,
      category: 'TRANSPORT',
    });
    await ok('editor', UPDATE, { id: job.showcaseEntryId, input: { tryItKind: 'SANDBOX' }, v: 1 });
    expect(await process(job, {} as never)).toEqual({ created: false });
    const again = await ok('anonymous', ONE, { id: job.showcaseEntryId });
    expect(again.showcaseEntry).toMatchObject({ tryItKind: 'SANDBOX', version: 2 });
  });

  it('gives a promoted entry whose title is taken a slug of its own', async () => {
    await create({ title: 'Camera AI đếm lưu lượng' });
    const job = promotion({ title: 'Camera AI đếm lưu lượng' });
    const process = libraryEventsProcessor({ models: lib.models, logger: silentLogger });
    expect(await process(job, {} as never)).toEqual({ created: true });
    const doc = await lib.models.showcase.findById(job.showcaseEntryId).lean();
    expect(doc!.slug).toBe(`camera-ai-dem-luu-luong-${job.showcaseEntryId.slice(-6)}`);
  });

  it('keeps a promoted demo video only when it is a video item of the library', async () => {
    const process = libraryEventsProcessor({ models: lib.models, logger: silentLogger });
    const withVideo = promotion({ title: 'Có video', demoVideoItemId: videoId });
    const withPdf = promotion({ title: 'Có tài liệu', demoVideoItemId: pdfItemId });
    await process(withVideo, {} as never);
    await process(withPdf, {} as never);
    const video = await ok('anonymous', ONE, { id: withVideo.showcaseEntryId });
    expect(video.showcaseEntry.demoVideo).toMatchObject({ id: videoId });
    // As an editor, who could see the (draft) document if it were kept.
    const pdf = await ok('editor', ONE, { id: withPdf.showcaseEntryId });
    expect(pdf.showcaseEntry.demoVideo).toBeNull();
    const stored = await lib.models.showcase.findById(withPdf.showcaseEntryId).lean();
    expect(stored!.demoVideoItemId).toBeNull();
  });

  it('runs on the library-events queue: a job added twice and redelivered makes one entry', async () => {
    const { redisUrl } = testServices();
    const producerRedis = createRedisConnection(redisUrl, 'producer');
    const workerRedis = createRedisConnection(redisUrl, 'worker');
    const producer = new Producer('library-events', producerRedis, lib.keyPrefix);
    const worker = createWorker(
      'library-events',
      libraryEventsProcessor({ models: lib.models, logger: silentLogger }),
      { connection: workerRedis, prefix: lib.keyPrefix, logger: silentLogger },
    );
    try {
      const job = promotion({ title: 'Phát hiện cháy rừng Cần Giờ', year: 2023 });
      const jobId = `showcase-promote.${job.contestEntryId}`;
      await producer.enqueue(job, { jobId });
      await producer.enqueue(job, { jobId });
      // A redelivery under another id (an outbox relay after a lost acknowledgement).
      await producer.enqueue(job, { jobId: `${jobId}.again` });
      await waitUntil(
        async () => (await producer.queue.getJobCounts('completed')).completed === 2,
        { what: 'both jobs to complete' },
      );
      const found = await ok('anonymous', LIST, { filter: { year: 2023 } });
      expect(found.showcaseEntries.nodes).toEqual([
        { title: 'Phát hiện cháy rừng Cần Giờ', year: 2023, award: 'FIRST' },
      ]);
    } finally {
      await worker.close();
      await producer.close();
      workerRedis.disconnect();
      producerRedis.disconnect();
    }
  });
});
