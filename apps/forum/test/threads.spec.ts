import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS, looksExecutable } from '@portal/testing';
import { errorCodes, testViewer, type GraphQLResponse } from '@portal/testing';
import { contractOperation } from '@portal/local-services';
import { createThread, newReply, newThread, publicId, useForum } from './forum-harness';
import { FORUM_THREAD } from './forum-operations';

const forum = useForum('forum_threads');
const an = testViewer('citizen', {
  id: 'an',
  displayName: 'Nguyễn Văn An',
  email: 'an@example.vn',
});
const binh = testViewer('citizen', { id: 'binh', displayName: 'Trần Thị Bình' });

const CREATE = contractOperation('CreateThread');
const REPLY = contractOperation('ReplyToThread');
const LIST = contractOperation('ForumThreads');

describe('creating and reading threads', () => {
  it('serves CreateThread, ReplyToThread, ForumThread and ForumThreads as the contract writes them', async () => {
    const created = await forum.call(an, CREATE, {
      input: {
        title: 'Đề xuất số hóa hồ sơ khám chữa bệnh',
        body: '<p>Kết nối <strong>hồ sơ sức khỏe điện tử</strong> giữa các bệnh viện.</p>',
        kind: 'PROPOSAL',
        categoryId: 'xa-hoi-so',
        tags: ['Y tế số', 'hồ sơ'],
      },
    });
    expect(created.errors).toBeUndefined();
    const thread = created.data!.createThread;
    expect(thread).toMatchObject({ title: 'Đề xuất số hóa hồ sơ khám chữa bệnh', status: 'OPEN' });
    expect(new Date(thread.createdAt).getTime()).not.toBeNaN();

    const reply = await forum.call(binh, REPLY, {
      threadId: thread.id,
      body: '<p>Rất cần thiết, nhất là với người cao tuổi.</p>',
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.replyToThread.body).toBe(
      '<p>Rất cần thiết, nhất là với người cao tuổi.</p>',
    );

    const page = await forum.call(null, FORUM_THREAD, { id: thread.id });
    expect(page.errors).toBeUndefined();
    expect(page.data!.thread).toMatchObject({
      id: thread.id,
      kind: 'PROPOSAL',
      status: 'OPEN',
      voteCount: 0,
      viewerHasVoted: false,
      replyCount: 1,
      author: { id: publicId('an'), displayName: 'Nguyễn Văn An' },
      assignedDepartment: null,
      officialAnswer: null,
      replies: {
        nodes: [{ id: reply.data!.replyToThread.id, author: { displayName: 'Trần Thị Bình' } }],
        pageInfo: { hasNextPage: false },
      },
    });

    const list = await forum.call(null, LIST, { kind: 'PROPOSAL' });
    expect(list.errors).toBeUndefined();
    expect(list.data!.threads.nodes.map((t: { id: string }) => t.id)).toContain(thread.id);
    expect(list.data!.threads.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses anonymous writers with UNAUTHENTICATED', async () => {
    const res = await forum.call(null, CREATE, {
      input: { title: 'Ẩn danh', body: 'x', kind: 'QUESTION' },
    });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    const threadId = await newThread(forum, an);
    expect(errorCodes(await forum.call(null, REPLY, { threadId, body: 'x' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(
      errorCodes(
        await forum.call(null, 'mutation($id: ID!) { voteThread(id: $id) { id } }', {
          id: threadId,
        }),
      ),
    ).toEqual(['UNAUTHENTICATED']);
  });

  it('names every bad field with BAD_USER_INPUT', async () => {
    const res = await forum.call(an, CREATE, {
      input: {
        title: 'x'.repeat(201),
        body: '<script>only a script</script>',
        kind: 'QUESTION',
        categoryId: 'no-such-category',
        tags: ['a', 'b', 'c', 'd', 'e', 'f'],
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['input.title', 'input.categoryId', 'input.tags']),
    );
    const empty = await forum.call(an, CREATE, {
      input: { title: 'Tiêu đề hợp lệ', body: '<script>alert(1)</script>', kind: 'QUESTION' },
    });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors![0]!.extensions!.fields[0].field).toBe('input.body');
    const badId = await forum.call(an, REPLY, { threadId: 'not-an-id', body: 'x' });
    expect(errorCodes(badId)).toEqual(['BAD_USER_INPUT']);
    const missing = await forum.call(an, REPLY, { threadId: 'a'.repeat(24), body: 'x' });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });

  // 46 payloads, each a thread, a reply and a read: minutes on a busy machine.
  it('stores no executable markup from any known XSS payload, in titles, bodies or replies', async () => {
    const threadId = await newThread(forum, an);
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const created = await forum.call(an, CREATE, {
        input: {
          title: `Tiêu đề ${i} ${payload}`,
          body: `<p>Nội dung ${i}</p>${payload}`,
          kind: 'DISCUSSION',
        },
      });
      expect(created.errors, payload).toBeUndefined();
      const reply = await forum.call(an, REPLY, {
        threadId,
        body: `<p>Trả lời ${i}</p>${payload}`,
      });
      expect(reply.errors, payload).toBeUndefined();
      const stored = await forum.models.threads.findById(created.data!.createThread.id).lean();
      expect(looksExecutable(stored!.body), payload).toBe(false);
      expect(stored!.title, payload).not.toMatch(/<\s*[a-z]/i);
      expect(looksExecutable(reply.data!.replyToThread.body), payload).toBe(false);
    }
  }, 180_000);

  it('accepts plain text bodies, keeping paragraphs', async () => {
    const res = await createThread(
      forum,
      an,
      {
        title: 'Hỏi về thủ tục cấp phép',
        body: 'Dòng một\nDòng hai\n\n<không phải thẻ>',
        bodyFormat: 'PLAIN',
        kind: 'QUESTION',
      },
      'id body',
    );
    expect(res.data!.createThread.body).toBe(
      '<p>Dòng một<br />Dòng hai</p><p>&lt;không phải thẻ&gt;</p>',
    );
  });
  it('renders Markdown threads and replies to sanitized HTML', async () => {
    const res = await createThread(
      forum,
      an,
      {
        title: 'Đề xuất số hóa hồ sơ đất đai',
        body: [
          '## Bối cảnh',
          '',
          'Người dân phải **nộp bản giấy** ở [cổng dịch vụ công](https://dichvucong.hochiminhcity.gov.vn).',
          '',
          '- Bước 1',
          '- Bước 2',
          '',
          '[bấm vào đây](javascript:alert(1)) <img src=x onerror=alert(1)>',
        ].join('\n'),
        bodyFormat: 'MARKDOWN',
        kind: 'PROPOSAL',
      },
      'id body',
    );
    expect(res.errors).toBeUndefined();
    const body: string = res.data!.createThread.body;
    expect(body).toContain('<h2>Bối cảnh</h2>');
    expect(body).toContain('<strong>nộp bản giấy</strong>');
    expect(body).toContain('<a href="https://dichvucong.hochiminhcity.gov.vn"');
    expect(body).toMatch(/<ul>\s*<li>Bước 1<\/li>\s*<li>Bước 2<\/li>\s*<\/ul>/);
    expect(looksExecutable(body)).toBe(false);
    expect(body).not.toMatch(/javascript:|onerror/i);
    const reply = await forum.call(
      an,
      'mutation($t: ID!, $b: String!) { replyToThread(threadId: $t, body: $b, bodyFormat: MARKDOWN) { body } }',
      { t: res.data!.createThread.id, b: 'Đồng ý, *nhất là* mục 2.\nCảm ơn.' },
    );
    expect(reply.data!.replyToThread.body).toBe(
      '<p>Đồng ý, <em>nhất là</em> mục 2.<br />Cảm ơn.</p>',
    );
  });
});

describe('listing threads', () => {
  it('filters by kind, category, tag and accent-insensitive search, and paginates without overlap', async () => {
    const viewer = testViewer('citizen', { id: 'lister', displayName: 'Lê Văn Cường' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        await newThread(forum, viewer, {
          title: `Ứng dụng chuyển đổi số cho hợp tác xã ${i}`,
          kind: 'QUESTION',
          categoryId: 'kinh-te-so',
          tags: ['Hợp tác xã'],
        }),
      );
    const q = `query($f: ThreadFilter, $after: String) {
      threads(first: 2, after: $after, filter: $f) { nodes { id } pageInfo { hasNextPage endCursor } totalCount }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: GraphQLResponse = await forum.call(null, q, {
        f: { search: 'ung dung CHUYEN DOI so hop tac xa', sort: 'NEWEST' },
        after,
      });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.threads.nodes.map((n: { id: string }) => n.id));
      expect(res.data!.threads.totalCount).toBe(5);
      if (!res.data!.threads.pageInfo.hasNextPage) break;
      after = res.data!.threads.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());

    const byTag = await forum.call(null, q, {
      f: { tag: 'hop tac xa', categoryId: 'kinh-te-so', kind: 'QUESTION' },
    });
    expect(byTag.data!.threads.totalCount).toBe(5);
    const other = await forum.call(null, q, { f: { tag: 'hop tac xa', kind: 'PROPOSAL' } });
    expect(other.data!.threads.totalCount).toBe(0);
    const none = await forum.call(null, q, { f: { search: 'không-có-từ-này-xyz' } });
    expect(none.data!.threads.totalCount).toBe(0);
  });

  it('sorts by most voted, activity and unanswered', async () => {
    const viewer = testViewer('citizen', { id: 'sorter' });
    const [a, b, c] = [
      await newThread(forum, viewer, { tags: ['sorting'] }),
      await newThread(forum, viewer, { tags: ['sorting'] }),
      await newThread(forum, viewer, { tags: ['sorting'] }),
    ];
    for (const voter of ['v1', 'v2'])
      await forum.call(
        testViewer('citizen', { id: voter }),
        'mutation($id: ID!) { voteThread(id: $id) { id } }',
        { id: b },
      );
    await forum.call(
      testViewer('citizen', { id: 'v3' }),
      'mutation($id: ID!) { voteThread(id: $id) { id } }',
      { id: a },
    );
    await newReply(forum, viewer, a!);
    const order = async (sort: string) => {
      const res = await forum.call(
        null,
        'query($f: ThreadFilter) { threads(filter: $f) { nodes { id voteCount } } }',
        {
          f: { tag: 'sorting', sort },
        },
      );
      return res.data!.threads.nodes.map((n: { id: string }) => n.id);
    };
    expect(await order('MOST_VOTED')).toEqual([b, a, c]);
    expect(await order('ACTIVE')).toEqual([a, c, b]);
    expect(await order('UNANSWERED')).toEqual([a, b, c]);
    expect(await order('NEWEST')).toEqual([c, b, a]);
  });

  it('caps first at 100 and refuses a negative one or a forged cursor', async () => {
    const bad = await forum.call(null, '{ threads(first: -1) { totalCount } }');
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const forged = await forum.call(null, '{ threads(after: "bm9wZQ") { totalCount } }');
    expect(errorCodes(forged)).toEqual(['BAD_USER_INPUT']);
    // More threads than the cap under one tag: one made through the API, the rest stored copies.
    const tag = `gioi-han-${Date.now()}`;
    const made = await newThread(forum, an, { tags: [tag] });
    const original = (await forum.models.threads.findById(made).lean())!;
    await forum.models.threads.insertMany(
      Array.from({ length: 110 }, () => ({ ...original, _id: new Types.ObjectId() })),
    );
    const big = await forum.call(
      null,
      'query($f: ThreadFilter) { threads(first: 1000, filter: $f) { nodes { id } pageInfo { hasNextPage } totalCount } }',
      { f: { tag } },
    );
    expect(big.errors).toBeUndefined();
    expect(big.data!.threads.totalCount).toBe(111);
    expect(big.data!.threads.nodes).toHaveLength(100);
    expect(big.data!.threads.pageInfo.hasNextPage).toBe(true);
    const categories = await forum.call(
      null,
      '{ forumCategories { id name } forumDepartments { code name } }',
    );
    expect(categories.data!.forumCategories.length).toBeGreaterThan(3);
    expect(categories.data!.forumDepartments).toContainEqual({
      code: 'SO-KHCN',
      name: 'Sở Khoa học và Công nghệ',
    });
  });
});
