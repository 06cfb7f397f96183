import { describe, expect, it } from 'vitest';
import { publicUserId } from '@portal/auth';
import { TEST_INTERNAL_SECRET, errorCodes, testViewer } from '@portal/testing';
import { revisionModel } from '../src/models/revision.model';
import {
  ARTICLE_FIELDS,
  articleInput,
  createArticle,
  createPublished,
  useContentServer,
} from './content-harness';

const h = useContentServer('content-workflow');

const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { id version status title } }`;
const SUBMIT = 'mutation($id: ID!) { submitArticleForReview(id: $id) { id status } }';
const PUBLISH =
  'mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id status publishedAt scheduledAt } }';
const TO_DRAFT = 'mutation($id: ID!) { returnArticleToDraft(id: $id) { id status } }';
const ARCHIVE = 'mutation($id: ID!) { archiveArticle(id: $id) { id status } }';
const BY_ID =
  'query($id: ID) { article(id: $id) { id status version revisions { version action by { id } changes { field from to } } } }';

/** The id the graph shows for a person (never their identity-provider subject). */
const publicId = (subject: string) => publicUserId(subject, TEST_INTERNAL_SECRET);
const alice = testViewer('contributor', { id: 'alice', displayName: 'Nguyễn Thị Alice' });
const bob = testViewer('contributor', { id: 'bob', displayName: 'Trần Văn Bình' });

async function statusOf(id: string): Promise<string> {
  const res = await h.call('editor', BY_ID, { id });
  return res.data?.article?.status;
}

describe('rights by role', () => {
  it('lets contributors, editors and admins create drafts, and refuses everyone else', async () => {
    const ok = await h.call(alice, CREATE, { input: articleInput() });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.createArticle).toMatchObject({
      status: 'DRAFT',
      version: 1,
      author: { id: publicId('alice'), displayName: 'Nguyễn Thị Alice' },
      scope: 'CITY',
    });
    for (const role of ['editor', 'admin'] as const)
      expect(errorCodes(await h.call(role, CREATE, { input: articleInput() }))).toEqual([]);
    expect(errorCodes(await h.call(null, CREATE, { input: articleInput() }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    for (const role of ['citizen', 'moderator', 'officer'] as const)
      expect(errorCodes(await h.call(role, CREATE, { input: articleInput() }))).toEqual([
        'FORBIDDEN',
      ]);
  });

  it('lets a contributor edit only their own drafts', async () => {
    const a = await createArticle(h, alice);
    const own = await h.call(alice, UPDATE, {
      id: a.id,
      input: { title: 'Tiêu đề đã sửa của Alice' },
      v: 1,
    });
    expect(own.data?.updateArticle).toMatchObject({
      version: 2,
      title: 'Tiêu đề đã sửa của Alice',
    });
    // Someone else's draft does not even exist for Bob.
    expect(
      errorCodes(await h.call(bob, UPDATE, { id: a.id, input: { title: 'Chen ngang' }, v: 2 })),
    ).toEqual(['NOT_FOUND']);
    await h.call(alice, SUBMIT, { id: a.id });
    expect(
      errorCodes(
        await h.call(alice, UPDATE, { id: a.id, input: { title: 'Sửa khi chờ duyệt' }, v: 3 }),
      ),
    ).toEqual(['FORBIDDEN']);
    // Editors edit anything.
    expect(
      errorCodes(
        await h.call('editor', UPDATE, { id: a.id, input: { title: 'Biên tập viên sửa' }, v: 3 }),
      ),
    ).toEqual([]);
  });

  it('refuses publishing, scheduling and archiving to everyone but editors and admins', async () => {
    const a = await createArticle(h, alice);
    expect(errorCodes(await h.call(alice, PUBLISH, { id: a.id }))).toEqual(['FORBIDDEN']);
    for (const role of ['citizen', 'moderator', 'officer', 'contributor'] as const) {
      expect(errorCodes(await h.call(role, PUBLISH, { id: a.id }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await h.call(role, ARCHIVE, { id: a.id }))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await h.call(null, PUBLISH, { id: a.id }))).toEqual(['UNAUTHENTICATED']);
    expect(await statusOf(a.id)).toBe('DRAFT');
    expect(errorCodes(await h.call('admin', PUBLISH, { id: a.id }))).toEqual([]);
    expect(await statusOf(a.id)).toBe('PUBLISHED');
  });

  it('lets only the author or an editor submit, and the author withdraw a submission', async () => {
    const a = await createArticle(h, alice);
    expect(errorCodes(await h.call(bob, SUBMIT, { id: a.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.call('citizen', SUBMIT, { id: a.id }))).toEqual(['FORBIDDEN']);
    expect((await h.call(alice, SUBMIT, { id: a.id })).data?.submitArticleForReview.status).toBe(
      'IN_REVIEW',
    );
    expect((await h.call(alice, TO_DRAFT, { id: a.id })).data?.returnArticleToDraft.status).toBe(
      'DRAFT',
    );
    await h.call('editor', PUBLISH, { id: a.id });
    // Unpublishing is an editor's call.
    expect(errorCodes(await h.call(alice, TO_DRAFT, { id: a.id }))).toEqual(['FORBIDDEN']);
  });

  it('shows revisions to editors only', async () => {
    const a = await createPublished(h);
    const asEditor = await h.call('editor', BY_ID, { id: a.id });
    expect(asEditor.data?.article.revisions.map((r: { action: string }) => r.action)).toEqual([
      'CREATED',
      'PUBLISHED',
    ]);
    for (const who of [null, 'citizen', 'contributor'] as const) {
      const res = await h.call(who, BY_ID, { id: a.id });
      expect(res.data?.article).toMatchObject({ id: a.id, revisions: null });
    }
  });
});

describe('status transitions', () => {
  it('walks every allowed transition and records each as a revision', async () => {
    const a = await createArticle(h, alice);
    const steps: [string, Record<string, unknown>, string, string][] = [
      [SUBMIT, {}, 'submitArticleForReview', 'IN_REVIEW'], // DRAFT → IN_REVIEW
      [TO_DRAFT, {}, 'returnArticleToDraft', 'DRAFT'], // IN_REVIEW → DRAFT
      [
        PUBLISH,
        { at: new Date(Date.now() + 3600_000).toISOString() },
        'publishArticle',
        'SCHEDULED',
      ], // DRAFT → SCHEDULED
      [
        PUBLISH,
        { at: new Date(Date.now() + 7200_000).toISOString() },
        'publishArticle',
        'SCHEDULED',
      ], // reschedule
      [TO_DRAFT, {}, 'returnArticleToDraft', 'DRAFT'], // SCHEDULED → DRAFT
      [SUBMIT, {}, 'submitArticleForReview', 'IN_REVIEW'],
      [PUBLISH, {}, 'publishArticle', 'PUBLISHED'], // IN_REVIEW → PUBLISHED
      [TO_DRAFT, {}, 'returnArticleToDraft', 'DRAFT'], // PUBLISHED → DRAFT (unpublish)
      [PUBLISH, {}, 'publishArticle', 'PUBLISHED'], // DRAFT → PUBLISHED
      [ARCHIVE, {}, 'archiveArticle', 'ARCHIVED'], // PUBLISHED → ARCHIVED
      [TO_DRAFT, {}, 'returnArticleToDraft', 'DRAFT'], // ARCHIVED → DRAFT
      [ARCHIVE, {}, 'archiveArticle', 'ARCHIVED'], // DRAFT → ARCHIVED
      [TO_DRAFT, {}, 'returnArticleToDraft', 'DRAFT'],
      [SUBMIT, {}, 'submitArticleForReview', 'IN_REVIEW'],
      [
        PUBLISH,
        { at: new Date(Date.now() + 3600_000).toISOString() },
        'publishArticle',
        'SCHEDULED',
      ], // IN_REVIEW → SCHEDULED
      [PUBLISH, {}, 'publishArticle', 'PUBLISHED'], // SCHEDULED → PUBLISHED now
    ];
    for (const [mutation, vars, field, expected] of steps) {
      const res = await h.call('editor', mutation, { id: a.id, ...vars });
      expect(res.errors, `${field} → ${expected}`).toBeUndefined();
      expect(res.data?.[field].status).toBe(expected);
    }
    const scheduledThenArchived = await createArticle(h);
    await h.call('editor', PUBLISH, {
      id: scheduledThenArchived.id,
      at: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(
      (await h.call('editor', ARCHIVE, { id: scheduledThenArchived.id })).data?.archiveArticle
        .status,
    ).toBe('ARCHIVED'); // SCHEDULED → ARCHIVED
    const inReviewArchived = await createArticle(h);
    await h.call('editor', SUBMIT, { id: inReviewArchived.id });
    expect(
      (await h.call('editor', ARCHIVE, { id: inReviewArchived.id })).data?.archiveArticle.status,
    ).toBe('ARCHIVED'); // IN_REVIEW → ARCHIVED

    const history = await h.call('editor', BY_ID, { id: a.id });
    const revisions = history.data?.article.revisions as {
      version: number;
      action: string;
      by: { id: string } | null;
      changes: { field: string; from: string | null; to: string | null }[];
    }[];
    expect(revisions.map((r) => r.version)).toEqual(revisions.map((_, i) => i + 1));
    expect(revisions).toHaveLength(steps.length + 1);
    expect(revisions[0]).toMatchObject({ action: 'CREATED', by: { id: publicId('alice') } });
    expect(revisions[1]).toMatchObject({
      action: 'SUBMITTED',
      changes: [{ field: 'status', from: 'DRAFT', to: 'IN_REVIEW' }],
    });
    expect(history.data?.article.version).toBe(steps.length + 1);
  });

  it('refuses forbidden transitions with BAD_USER_INPUT naming them, and changes nothing', async () => {
    const archived = await createPublished(h);
    await h.call('editor', ARCHIVE, { id: archived.id });
    const res = await h.call('editor', PUBLISH, { id: archived.id });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.message).toContain('ARCHIVED → PUBLISHED');
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'status', message: expect.stringContaining('ARCHIVED → PUBLISHED') },
    ]);
    expect(await statusOf(archived.id)).toBe('ARCHIVED');

    const cases: [string, string, string][] = [];
    const published = await createPublished(h);
    cases.push([published.id, SUBMIT, 'PUBLISHED → IN_REVIEW']);
    cases.push([published.id, PUBLISH, 'PUBLISHED → PUBLISHED']);
    const inReview = await createArticle(h);
    await h.call('editor', SUBMIT, { id: inReview.id });
    cases.push([inReview.id, SUBMIT, 'IN_REVIEW → IN_REVIEW']);
    const draft = await createArticle(h);
    cases.push([draft.id, TO_DRAFT, 'DRAFT → DRAFT']);
    cases.push([archived.id, ARCHIVE, 'ARCHIVED → ARCHIVED']);
    cases.push([archived.id, SUBMIT, 'ARCHIVED → IN_REVIEW']);
    const scheduled = await createArticle(h);
    await h.call('editor', PUBLISH, {
      id: scheduled.id,
      at: new Date(Date.now() + 3600_000).toISOString(),
    });
    cases.push([scheduled.id, SUBMIT, 'SCHEDULED → IN_REVIEW']);
    for (const [id, mutation, transition] of cases) {
      const r = await h.call('editor', mutation, { id });
      expect(errorCodes(r), transition).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.message).toContain(transition);
    }
    const scheduledAt = await h.call('editor', PUBLISH, {
      id: published.id,
      at: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(scheduledAt.errors?.[0]?.message).toContain('PUBLISHED → SCHEDULED');
  });

  it('publishes now when `at` is in the past, schedules when it is in the future', async () => {
    const past = await createArticle(h);
    const before = Date.now();
    const now = await h.call('editor', PUBLISH, { id: past.id, at: '2020-01-01T00:00:00+07:00' });
    expect(now.data?.publishArticle.status).toBe('PUBLISHED');
    expect(Date.parse(now.data?.publishArticle.publishedAt)).toBeGreaterThanOrEqual(before - 1000);

    const future = await createArticle(h);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await h.call('editor', PUBLISH, { id: future.id, at });
    expect(scheduled.data?.publishArticle).toMatchObject({
      status: 'SCHEDULED',
      publishedAt: null,
      scheduledAt: at,
    });
    const tooFar = await h.call('editor', PUBLISH, { id: future.id, at: '2099-01-01T00:00:00Z' });
    expect(errorCodes(tooFar)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a stale expectedVersion with CONFLICT and keeps the newer text', async () => {
    const a = await createArticle(h, alice);
    const first = await h.call(alice, UPDATE, {
      id: a.id,
      input: { title: 'Bản sửa thứ nhất' },
      v: 1,
    });
    expect(first.data?.updateArticle.version).toBe(2);
    const stale = await h.call(alice, UPDATE, {
      id: a.id,
      input: { title: 'Bản sửa dựa trên bản cũ' },
      v: 1,
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const now = await h.call('editor', 'query($id: ID) { article(id: $id) { title version } }', {
      id: a.id,
    });
    expect(now.data?.article).toEqual({ title: 'Bản sửa thứ nhất', version: 2 });
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const a = await createArticle(h, 'editor');
    const results = await Promise.all(
      ['Phiên bản A', 'Phiên bản B', 'Phiên bản C', 'Phiên bản D'].map((title) =>
        h.call('editor', UPDATE, { id: a.id, input: { title }, v: 1 }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => errorCodes(r)[0] === 'CONFLICT')).toHaveLength(3);
    const now = await h.call('editor', BY_ID, { id: a.id });
    expect(now.data?.article.version).toBe(2);
    expect(now.data?.article.revisions).toHaveLength(2);
  });

  it('rolls forward a change whose writer stopped between claiming and applying it', async () => {
    const a = await createArticle(h, 'editor', { title: 'Trước khi sự cố' });
    // A writer claimed version 2 a minute ago, then died before updating the article.
    await revisionModel(h.conn).create({
      articleId: a.id,
      version: 2,
      action: 'UPDATED',
      at: new Date(Date.now() - 60_000),
      by: { id: publicId('editor-1'), displayName: 'Test editor' },
      changes: [{ field: 'title', from: 'Trước khi sự cố', to: 'Đã ghi dở' }],
      patch: { title: 'Đã ghi dở', version: 2, updatedAt: new Date(Date.now() - 60_000) },
      notifyPending: false,
    });
    const blocked = await h.call('editor', UPDATE, {
      id: a.id,
      input: { title: 'Người khác sửa' },
      v: 1,
    });
    expect(errorCodes(blocked)).toEqual(['CONFLICT']);
    const now = await h.call('editor', BY_ID, { id: a.id });
    expect(now.data?.article.version).toBe(2);
    const next = await h.call('editor', UPDATE, { id: a.id, input: { title: 'Sửa tiếp' }, v: 2 });
    expect(next.data?.updateArticle).toMatchObject({ version: 3, title: 'Sửa tiếp' });
  });

  it('records what changed in each revision', async () => {
    const a = await createArticle(h, 'editor', { title: 'Tiêu đề ban đầu', tags: ['dữ liệu'] });
    await h.call('editor', UPDATE, {
      id: a.id,
      input: { title: 'Tiêu đề mới', tags: ['dữ liệu', 'AI'], sourceUnit: 'SO-KHCN' },
      v: 1,
    });
    const res = await h.call('editor', BY_ID, { id: a.id });
    const update = res.data?.article.revisions[1];
    expect(update.action).toBe('UPDATED');
    expect(update.by).toEqual({ id: publicId('editor-1') });
    expect(update.changes).toEqual([
      { field: 'title', from: 'Tiêu đề ban đầu', to: 'Tiêu đề mới' },
      { field: 'tags', from: 'dữ liệu', to: 'dữ liệu, AI' },
      { field: 'sourceUnit', from: null, to: 'SO-KHCN' },
    ]);
  });
});

describe('input validation', () => {
  it('names every offending field', async () => {
    const res = await h.call('editor', CREATE, {
      input: {
        title: 'x',
        body: '<script>alert(1)</script>',
        kind: 'NEWS',
        sourceUnit: 'NOPE',
        categoryId: 'zzz',
        coverImageUrl: 'javascript:alert(1)',
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = (res.errors?.[0]?.extensions?.fields as { field: string }[])
      .map((f) => f.field)
      .sort();
    expect(fields).toEqual([
      'input.body',
      'input.categoryId',
      'input.coverImageUrl',
      'input.sourceUnit',
      'input.title',
    ]);
  });

  it('refuses an unknown category and a taken slug', async () => {
    const res = await h.call('editor', CREATE, {
      input: articleInput({ categoryId: 'a'.repeat(24) }),
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.categoryId' }],
    });
    const a = await createArticle(h);
    const b = await createArticle(h);
    const taken = await h.call('editor', UPDATE, { id: b.id, input: { slug: a.slug }, v: 1 });
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
  });

  it('suffixes the slug when the title was used before', async () => {
    const title = 'Hội nghị Chuyển đổi số Thành phố Hồ Chí Minh năm 2025';
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await createArticle(h, 'editor', { title })).slug);
    expect(slugs).toEqual([
      'hoi-nghi-chuyen-doi-so-thanh-pho-ho-chi-minh-nam-2025',
      'hoi-nghi-chuyen-doi-so-thanh-pho-ho-chi-minh-nam-2025-2',
      'hoi-nghi-chuyen-doi-so-thanh-pho-ho-chi-minh-nam-2025-3',
    ]);
  });

  it('answers NOT_FOUND for unknown or malformed ids', async () => {
    expect(errorCodes(await h.call('editor', PUBLISH, { id: 'b'.repeat(24) }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await h.call('editor', PUBLISH, { id: 'not-an-id' }))).toEqual(['NOT_FOUND']);
  });
});
