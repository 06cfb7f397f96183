import { describe, expect, it } from 'vitest';
import { errorCodes, testViewer } from '@portal/testing';
import { contractOperation } from '@portal/local-services';
import { TEST_RULES, newReply, newThread, useForum } from './forum-harness';

const forum = useForum('forum_abuse', {
  ...TEST_RULES,
  newAccountDays: 7,
  newAccountMaxLinks: 1,
  limits: {
    ...TEST_RULES.limits,
    replies: { points: 3, windowSeconds: 3600 },
    threads: { points: 4, windowSeconds: 3600 },
  },
});

const REPLY = contractOperation('ReplyToThread');
const CREATE = contractOperation('CreateThread');

describe('rate limits', () => {
  it('answers a burst of replies with RATE_LIMITED and a retry delay, per person', async () => {
    const author = testViewer('citizen', { id: 'rl-author' });
    const burst = testViewer('citizen', { id: 'rl-burst' });
    const id = await newThread(forum, author);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        forum.call(burst, REPLY, { threadId: id, body: `<p>Bình luận thứ ${i}</p>` }),
      ),
    );
    const codes = results.map((r) => errorCodes(r)[0] ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    const limited = results.find((r) => errorCodes(r)[0] === 'RATE_LIMITED')!;
    expect(limited.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    expect(await forum.models.posts.countDocuments({ authorId: 'rl-burst' })).toBe(3);
    // Someone else is not held back by that person's burst.
    await newReply(forum, author, id);
  });

  it('limits new threads per person', async () => {
    const writer = testViewer('citizen', { id: 'rl-writer' });
    for (let i = 0; i < 4; i++) await newThread(forum, writer);
    const res = await forum.call(writer, CREATE, {
      input: { title: 'Một chủ đề nữa', body: 'Nội dung mới', kind: 'DISCUSSION' },
    });
    expect(errorCodes(res)).toEqual(['RATE_LIMITED']);
  });
});

describe('duplicate posts', () => {
  it('refuses the same words from the same person in the same place, even reworded in case or accents', async () => {
    const author = testViewer('citizen', { id: 'dup-author' });
    const replier = testViewer('citizen', { id: 'dup-replier' });
    const id = await newThread(forum, author, {
      title: 'Đề xuất ví điện tử cho chợ truyền thống',
      body: '<p>Nội dung gốc</p>',
    });
    const again = await forum.call(author, CREATE, {
      input: {
        title: 'de xuat VI DIEN TU cho cho truyen thong',
        body: 'Nội dung gốc!',
        kind: 'PROPOSAL',
      },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    await newReply(forum, replier, id, '<p>Đồng ý với đề xuất</p>');
    const dup = await forum.call(replier, REPLY, { threadId: id, body: 'đồng ý với đề xuất' });
    expect(errorCodes(dup)).toEqual(['CONFLICT']);
    // Parallel duplicates: exactly one is stored.
    const body = '<p>Gửi cùng lúc</p>';
    const other = testViewer('citizen', { id: 'dup-parallel' });
    const results = await Promise.all(
      [1, 2, 3].map(() => forum.call(other, REPLY, { threadId: id, body })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(await forum.models.posts.countDocuments({ authorId: 'dup-parallel' })).toBe(1);
    // The same words elsewhere, or by someone else, are fine.
    const elsewhere = await newThread(forum, author);
    await newReply(forum, replier, elsewhere, '<p>Đồng ý với đề xuất</p>');
  });
});

describe('links from new accounts', () => {
  it('limits links for accounts first seen recently, but not for established ones or staff', async () => {
    const fresh = testViewer('citizen', { id: 'fresh' });
    const links = '<p>Xem <a href="https://a.example.vn">đây</a> và https://b.example.vn</p>';
    const res = await forum.call(fresh, CREATE, {
      input: { title: 'Nhiều liên kết', body: links, kind: 'DISCUSSION' },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields[0].field).toBe('input.body');
    const one = await forum.call(fresh, CREATE, {
      input: { title: 'Một liên kết', body: '<p>https://a.example.vn</p>', kind: 'DISCUSSION' },
    });
    expect(one.errors).toBeUndefined();

    const old = testViewer('citizen', { id: 'established' });
    await newThread(forum, old);
    await forum.models.profiles.updateOne(
      { _id: 'established' },
      { $set: { firstSeenAt: new Date(Date.now() - 30 * 86_400_000) } },
    );
    const ok = await forum.call(old, CREATE, {
      input: { title: 'Nhiều liên kết hữu ích', body: links, kind: 'DISCUSSION' },
    });
    expect(ok.errors).toBeUndefined();
    const officer = testViewer('officer', { id: 'officer-links', department: 'TT-CDS' });
    const staff = await forum.call(officer, CREATE, {
      input: { title: 'Tài liệu tham khảo', body: links, kind: 'DISCUSSION' },
    });
    expect(staff.errors).toBeUndefined();
  });
});

describe('editing', () => {
  it('lets authors edit their own words within the window, keeps the old words, and refuses others', async () => {
    const author = testViewer('citizen', { id: 'edit-author' });
    const other = testViewer('citizen', { id: 'edit-other' });
    const id = await newThread(forum, author, { title: 'Tiêu đề ban đầu' });
    const replyId = await newReply(forum, author, id, '<p>Bản nháp</p>');
    const editThread =
      'mutation($id: ID!, $i: EditThreadInput!) { editThread(id: $id, input: $i) { title body editedAt tags } }';
    const editPost =
      'mutation($id: ID!, $b: String!) { editPost(id: $id, body: $b) { body editedAt } }';

    const edited = await forum.call(author, editThread, {
      id,
      i: {
        title: 'Tiêu đề đã sửa',
        tags: ['Dữ liệu mở'],
        body: '<p>Đã bổ sung <script>x</script>số liệu</p>',
      },
    });
    expect(edited.data!.editThread).toMatchObject({
      title: 'Tiêu đề đã sửa',
      body: '<p>Đã bổ sung số liệu</p>',
      tags: ['dữ liệu mở'],
    });
    expect(edited.data!.editThread.editedAt).not.toBeNull();
    const search = await forum.call(
      null,
      '{ threads(filter: { search: "tieu de da sua" }) { nodes { id } } }',
    );
    expect(search.data!.threads.nodes).toEqual([{ id }]);
    expect(
      (await forum.call(author, editPost, { id: replyId, b: '<p>Bản cuối</p>' })).data!.editPost
        .body,
    ).toBe('<p>Bản cuối</p>');
    const revisions = await forum.models.revisions
      .find({ targetId: { $in: [id, replyId] } })
      .lean();
    expect(revisions.map((r) => r.body).sort()).toEqual(
      ['<p>Bản nháp</p>', expect.stringContaining('Nội dung')].sort(),
    );

    expect(errorCodes(await forum.call(other, editPost, { id: replyId, b: 'x' }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await forum.call(null, editPost, { id: replyId, b: 'x' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await forum.call(author, editThread, { id, i: {} }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    // Past the 30-minute window.
    const past = new Date(Date.now() - 31 * 60_000);
    await forum.models.threads.updateOne({ _id: id }, { $set: { createdAt: past } });
    await forum.models.posts.updateOne({ _id: replyId }, { $set: { createdAt: past } });
    expect(
      errorCodes(await forum.call(author, editThread, { id, i: { title: 'Muộn rồi' } })),
    ).toEqual(['CONFLICT']);
    expect(errorCodes(await forum.call(author, editPost, { id: replyId, b: 'Muộn rồi' }))).toEqual([
      'CONFLICT',
    ]);
  });

  it('never loses an edit to a race: every applied edit is one version, with its revision kept', async () => {
    const author = testViewer('citizen', { id: 'race-author' });
    const id = await newThread(forum, author);
    const results = await Promise.all(
      ['Bản A', 'Bản B', 'Bản C', 'Bản D'].map((title) =>
        forum.call(
          author,
          'mutation($id: ID!, $t: String!) { editThread(id: $id, input: { title: $t }) { title } }',
          { id, t: title },
        ),
      ),
    );
    // Overlapping edits of one version: one applies, the others get CONFLICT. Edits that
    // happen not to overlap each apply on top of the previous one.
    const applied = results.filter((r) => !r.errors);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => errorCodes(r)[0] === 'CONFLICT')).toHaveLength(4 - applied.length);
    const stored = await forum.models.threads.findById(id).lean();
    expect(stored!.version).toBe(1 + applied.length);
    expect(await forum.models.revisions.countDocuments({ targetId: id })).toBe(applied.length);
    expect(applied.map((r) => r.data!.editThread.title)).toContain(stored!.title);
  });
});
