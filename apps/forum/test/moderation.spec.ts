import { describe, expect, it } from 'vitest';
import { errorCodes, testViewer } from '@portal/testing';
import { contractOperation } from '@portal/local-services';
import { newReply, newThread, publicId, useForum } from './forum-harness';

const forum = useForum('forum_moderation');
const author = testViewer('citizen', { id: 'author', displayName: 'Đỗ Quang Huy' });
const replier = testViewer('citizen', { id: 'replier', displayName: 'Lý Thu Trang' });
const stranger = testViewer('citizen', { id: 'stranger' });
const moderator = testViewer('moderator', { id: 'mod', displayName: 'Kiểm duyệt viên' });
const officer = testViewer('officer', { id: 'officer', department: 'SO-KHCN' });
const editor = testViewer('editor', { id: 'editor' });
const admin = testViewer('admin', { id: 'admin' });

const MODERATE = contractOperation('ModerateContent');
const QUEUE = contractOperation('ModerationQueue');
const ASSIGN = contractOperation('AssignThread');

const hide = (targetId: string, action = 'HIDE', note: string | null = 'Nội dung quảng cáo') =>
  forum.call(moderator, MODERATE, { targetId, action, note });

describe('moderation rights', () => {
  it('lets only moderators (and admins) see the queue, moderate and assign', async () => {
    const id = await newThread(forum, author);
    for (const viewer of [author, officer, editor]) {
      expect(errorCodes(await forum.call(viewer, QUEUE))).toEqual(['FORBIDDEN']);
      expect(
        errorCodes(await forum.call(viewer, MODERATE, { targetId: id, action: 'HIDE' })),
      ).toEqual(['FORBIDDEN']);
      expect(errorCodes(await forum.call(viewer, ASSIGN, { id, department: 'SO-KHCN' }))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        errorCodes(
          await forum.call(viewer, 'mutation($id: ID!) { closeThread(id: $id) { id } }', { id }),
        ),
      ).toEqual(['FORBIDDEN']);
    }
    for (const op of [QUEUE])
      expect(errorCodes(await forum.call(null, op))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await forum.call(null, MODERATE, { targetId: id, action: 'HIDE' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect((await forum.call(admin, QUEUE)).errors).toBeUndefined();
    const assigned = await forum.call(moderator, ASSIGN, { id, department: 'SO-KHCN' });
    expect(assigned.data!.assignThread).toEqual({ id, assignedDepartment: 'SO-KHCN' });
    const bad = await forum.call(moderator, ASSIGN, { id, department: 'SO-NOPE' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.fields[0].field).toBe('department');
  });

  it('hides, restores and removes with a note, empties the queue and logs who did what', async () => {
    const id = await newThread(forum, author);
    await forum.call(stranger, contractOperation('FlagContent'), { targetId: id, reason: 'ABUSE' });
    let queue = await forum.call(moderator, QUEUE);
    expect(
      queue.data!.moderationQueue.nodes.map((n: { targetId: string }) => n.targetId),
    ).toContain(id);

    expect((await hide(id)).data!.moderateContent).toBe(true);
    expect(errorCodes(await hide(id))).toEqual(['CONFLICT']);
    queue = await forum.call(moderator, QUEUE);
    expect(
      queue.data!.moderationQueue.nodes.map((n: { targetId: string }) => n.targetId),
    ).not.toContain(id);
    expect((await hide(id, 'RESTORE', 'Đã xem lại, không vi phạm')).data!.moderateContent).toBe(
      true,
    );
    expect(
      (await forum.call(null, 'query($id: ID!) { thread(id: $id) { id status } }', { id })).data!
        .thread,
    ).toEqual({
      id,
      status: 'OPEN',
    });
    expect((await hide(id, 'REMOVE', 'Vi phạm quy định')).data!.moderateContent).toBe(true);

    const log = await forum.call(
      moderator,
      'query($id: ID!) { moderationLog(targetId: $id) { nodes { action note actor { id displayName } } totalCount } }',
      { id },
    );
    expect(log.data!.moderationLog.nodes).toEqual([
      {
        action: 'REMOVE',
        note: 'Vi phạm quy định',
        actor: { id: publicId('mod'), displayName: 'Kiểm duyệt viên' },
      },
      {
        action: 'RESTORE',
        note: 'Đã xem lại, không vi phạm',
        actor: { id: publicId('mod'), displayName: 'Kiểm duyệt viên' },
      },
      {
        action: 'HIDE',
        note: 'Nội dung quảng cáo',
        actor: { id: publicId('mod'), displayName: 'Kiểm duyệt viên' },
      },
    ]);
  });

  it('closes a thread to replies and reopens it to where it stood', async () => {
    const id = await newThread(forum, author);
    const close = 'mutation($id: ID!) { closeThread(id: $id, note: "Trùng lặp") { id status } }';
    const reopen = 'mutation($id: ID!) { reopenThread(id: $id) { id status } }';
    expect((await forum.call(moderator, close, { id })).data!.closeThread.status).toBe('CLOSED');
    expect(errorCodes(await forum.call(moderator, close, { id }))).toEqual(['CONFLICT']);
    const reply = await forum.call(replier, contractOperation('ReplyToThread'), {
      threadId: id,
      body: 'x',
    });
    expect(errorCodes(reply)).toEqual(['CONFLICT']);
    expect((await forum.call(moderator, reopen, { id })).data!.reopenThread.status).toBe('OPEN');
    await newReply(forum, replier, id);
  });
});

describe('hidden content leaks nowhere', () => {
  it('keeps a hidden thread out of lists, counts, search, references, replies and posts', async () => {
    const word = `bimat${Date.now()}`;
    const id = await newThread(forum, author, { title: `Chủ đề ${word} cần ẩn`, tags: [word] });
    const replyId = await newReply(forum, replier, id);
    await hide(id);

    const listQuery = `query($f: ThreadFilter) { threads(filter: $f) { nodes { id } totalCount } }`;
    for (const viewer of [null, stranger, replier]) {
      for (const f of [
        { search: word },
        { tag: word },
        {},
        { sort: 'MOST_VOTED' },
        { status: 'OPEN' },
      ]) {
        const res = await forum.call(viewer, listQuery, { f });
        expect(res.data!.threads.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
      }
      expect(
        (await forum.call(viewer, listQuery, { f: { search: word } })).data!.threads.totalCount,
      ).toBe(0);
      expect(
        (await forum.call(viewer, 'query($id: ID!) { thread(id: $id) { id } }', { id })).data!
          .thread,
      ).toBeNull();
      expect(
        (await forum.call(viewer, 'query($id: ID!) { post(id: $id) { id } }', { id: replyId }))
          .data!.post,
      ).toBeNull();
      const refs = await forum.call(
        viewer,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thread { id title } ... on Post { id body } } }',
        {
          r: [
            { __typename: 'Thread', id },
            { __typename: 'Post', id: replyId },
          ],
        },
      );
      expect(refs.data!._entities).toEqual([null, null]);
    }
    expect(errorCodes(await forum.call(stranger, listQuery, { f: { status: 'HIDDEN' } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      errorCodes(
        await forum.call(stranger, 'mutation($id: ID!) { voteThread(id: $id) { id } }', { id }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await forum.call(replier, contractOperation('ReplyToThread'), { threadId: id, body: 'x' }),
      ),
    ).toEqual(['NOT_FOUND']);

    // Its author still sees it, marked HIDDEN; moderators see and list it.
    const own = await forum.call(
      author,
      'query($id: ID!) { thread(id: $id) { id status moderationStatus } }',
      { id },
    );
    expect(own.data!.thread).toEqual({ id, status: 'HIDDEN', moderationStatus: 'HIDDEN' });
    const modList = await forum.call(moderator, listQuery, { f: { status: 'HIDDEN', tag: word } });
    expect(modList.data!.threads.nodes).toEqual([{ id }]);
  });

  it('keeps a hidden reply out of the public thread, counts, references and the post query', async () => {
    const id = await newThread(forum, author);
    const visible = await newReply(forum, stranger, id);
    const hidden = await newReply(forum, replier, id, '<p>Số điện thoại riêng 0901234567</p>');
    await hide(hidden, 'HIDE', 'Lộ thông tin cá nhân');
    const page =
      'query($id: ID!) { thread(id: $id) { replyCount replies { nodes { id status } totalCount } } }';
    for (const viewer of [null, stranger, author]) {
      const res = await forum.call(viewer, page, { id });
      expect(res.data!.thread).toEqual({
        replyCount: 1,
        replies: { nodes: [{ id: visible, status: 'VISIBLE' }], totalCount: 1 },
      });
      expect(
        (await forum.call(viewer, 'query($id: ID!) { post(id: $id) { id } }', { id: hidden })).data!
          .post,
      ).toBeNull();
    }
    // The reply's author sees their own hidden reply, marked; moderators see every reply.
    const own = await forum.call(replier, page, { id });
    expect(own.data!.thread.replies.nodes).toEqual([
      { id: visible, status: 'VISIBLE' },
      { id: hidden, status: 'HIDDEN' },
    ]);
    expect(own.data!.thread.replyCount).toBe(1);
    const mod = await forum.call(moderator, page, { id });
    expect(mod.data!.thread.replies.totalCount).toBe(2);

    await hide(hidden, 'REMOVE', 'Xóa hẳn');
    const afterRemove = await forum.call(replier, page, { id });
    expect(afterRemove.data!.thread.replies.nodes).toEqual([{ id: visible, status: 'VISIBLE' }]);
  });

  it('never shows a hidden official answer', async () => {
    const id = await newThread(forum, author);
    await forum.call(moderator, ASSIGN, { id, department: 'SO-KHCN' });
    const answered = await forum.call(officer, contractOperation('PostOfficialAnswer'), {
      threadId: id,
      body: '<p>Sở đã ghi nhận.</p>',
    });
    const answerId = answered.data!.postOfficialAnswer.officialAnswer.id;
    await hide(answerId);
    const res = await forum.call(
      null,
      'query($id: ID!) { thread(id: $id) { officialAnswer { id } } }',
      { id },
    );
    expect(res.data!.thread.officialAnswer).toBeNull();
  });
});
