import { describe, expect, it } from 'vitest';
import { cacheListPages } from '@portal/db';
import { errorCodes, testViewer } from '@portal/testing';
import { contractOperation } from '@portal/local-services';
import { TEST_RULES, establishAccounts, newReply, newThread, useForum } from './forum-harness';

const forum = useForum('forum_votes', { ...TEST_RULES, autoHideFlags: 3 });
const author = testViewer('citizen', { id: 'author', displayName: 'Phạm Minh Đức' });
const voter = testViewer('citizen', { id: 'voter', displayName: 'Võ Thị Hoa' });
const moderator = testViewer('moderator', { id: 'mod' });

const VOTE = contractOperation('VoteThread');
const FLAG = contractOperation('FlagContent');
const UNVOTE = 'mutation($id: ID!) { unvoteThread(id: $id) { id voteCount viewerHasVoted } }';

describe('votes', () => {
  it('counts 20 parallel votes by one person as one', async () => {
    const id = await newThread(forum, author);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => forum.call(voter, VOTE, { id })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(await forum.models.votes.countDocuments({ threadId: id })).toBe(1);
    const after = await forum.call(voter, VOTE, { id });
    expect(after.data!.voteThread).toEqual({ id, voteCount: 1, viewerHasVoted: true });
    const thread = await forum.models.threads.findById(id).lean();
    expect(thread!.voteCount).toBe(1);
  });

  it('counts parallel votes of many people exactly, and unvoting removes only the viewer’s', async () => {
    const id = await newThread(forum, author);
    const people = Array.from({ length: 15 }, (_, i) => testViewer('citizen', { id: `p${i}` }));
    await Promise.all(people.map((p) => forum.call(p, VOTE, { id })));
    const seen = await forum.call(people[0]!, VOTE, { id });
    expect(seen.data!.voteThread.voteCount).toBe(15);
    const un = await forum.call(people[0]!, UNVOTE, { id });
    expect(un.data!.unvoteThread).toEqual({ id, voteCount: 14, viewerHasVoted: false });
    const again = await forum.call(people[0]!, UNVOTE, { id });
    expect(again.data!.unvoteThread.voteCount).toBe(14);
    const anon = await forum.call(
      null,
      'query($id: ID!) { thread(id: $id) { voteCount viewerHasVoted } }',
      { id },
    );
    expect(anon.data!.thread).toEqual({ voteCount: 14, viewerHasVoted: false });
  });

  it('reads viewerHasVoted for N threads with one votes query', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await newThread(forum, author, { tags: ['batched'] }));
    await forum.call(voter, VOTE, { id: ids[1] });
    await forum.call(voter, VOTE, { id: ids[4] });
    forum.commands.length = 0;
    const res = await forum.call(
      voter,
      'query { threads(filter: { tag: "batched" }) { nodes { id voteCount viewerHasVoted replyCount author { displayName } } } }',
    );
    expect(res.errors).toBeUndefined();
    const voted = res.data!.threads.nodes.filter(
      (n: { viewerHasVoted: boolean }) => n.viewerHasVoted,
    );
    expect(voted.map((n: { id: string }) => n.id).sort()).toEqual([ids[1], ids[4]].sort());
    const onVotes = forum.commands.filter((c) => c.endsWith(' votes'));
    // One find for the viewer's votes and one aggregation for the counts, whatever N is.
    expect(onVotes.sort()).toEqual(['aggregate votes', 'find votes']);
    expect(forum.commands.filter((c) => c.endsWith(' profiles'))).toHaveLength(1);
  });
});

describe('flags', () => {
  it('records one flag per person under parallel requests, and refuses flagging oneself', async () => {
    const id = await newThread(forum, author);
    const res = await Promise.all(
      Array.from({ length: 10 }, () => forum.call(voter, FLAG, { targetId: id, reason: 'SPAM' })),
    );
    for (const r of res) expect(r.data?.flagContent).toBe(true);
    expect(await forum.models.flags.countDocuments({ targetId: id })).toBe(1);
    const own = await forum.call(author, FLAG, { targetId: id, reason: 'SPAM' });
    expect(errorCodes(own)).toEqual(['BAD_USER_INPUT']);
    const anon = await forum.call(null, FLAG, { targetId: id, reason: 'SPAM' });
    expect(errorCodes(anon)).toEqual(['UNAUTHENTICATED']);
    const bad = await forum.call(voter, FLAG, { targetId: id, reason: 'BORING' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('hides content automatically at the flag threshold, pending review', async () => {
    const id = await newThread(forum, author, { title: 'Quảng cáo bán hàng giá rẻ' });
    const flaggers = ['f1', 'f2', 'f3', 'f4'].map((fid) => testViewer('citizen', { id: fid }));
    // Only established accounts' flags count toward hiding (see security.spec.ts).
    await establishAccounts(forum, 'f1', 'f2', 'f3', 'f4');
    await forum.call(flaggers[0]!, FLAG, { targetId: id, reason: 'SPAM' });
    await forum.call(flaggers[1]!, FLAG, { targetId: id, reason: 'OFF_TOPIC' });
    const still = await forum.call(null, 'query($id: ID!) { thread(id: $id) { id status } }', {
      id,
    });
    expect(still.data!.thread).toEqual({ id, status: 'OPEN' });
    // The third and fourth flags arrive together: one auto-hide, logged once.
    await Promise.all(
      flaggers.slice(2).map((f) => forum.call(f, FLAG, { targetId: id, reason: 'SPAM' })),
    );
    const gone = await forum.call(null, 'query($id: ID!) { thread(id: $id) { id } }', { id });
    expect(gone.data!.thread).toBeNull();
    expect(
      await forum.models.moderationLog.countDocuments({ targetId: id, action: 'AUTO_HIDE' }),
    ).toBe(1);
    const queue = await forum.call(moderator, contractOperation('ModerationQueue'));
    const item = queue.data!.moderationQueue.nodes.find(
      (n: { targetId: string }) => n.targetId === id,
    );
    expect(item).toMatchObject({ targetKind: 'THREAD', flagCount: 4 });
    expect(item.reasons.sort()).toEqual(['OFF_TOPIC', 'SPAM']);
    expect(item.excerpt).toContain('Quảng cáo bán hàng giá rẻ');
  });

  it('auto-hides a reply, which then leaves the thread’s replies and count', async () => {
    const id = await newThread(forum, author);
    const postId = await newReply(forum, voter, id, '<p>Mua ngay tại trang web lạ</p>');
    await newReply(forum, author, id);
    await establishAccounts(forum, 'g1', 'g2', 'g3');
    for (const f of ['g1', 'g2', 'g3'])
      await forum.call(testViewer('citizen', { id: f }), FLAG, {
        targetId: postId,
        reason: 'SPAM',
      });
    const page = await forum.call(
      null,
      'query($id: ID!) { thread(id: $id) { replyCount replies { nodes { id } totalCount } } }',
      { id },
    );
    expect(page.data!.thread.replyCount).toBe(1);
    expect(page.data!.thread.replies.totalCount).toBe(1);
    expect(page.data!.thread.replies.nodes.map((n: { id: string }) => n.id)).not.toContain(postId);
  });
});

// Last in this file: from here on the connection keeps list pages and counts, as every
// service's connection does in production (publishGraphChangesOf).
describe('kept counts', () => {
  const READ = 'query($id: ID!) { thread(id: $id) { voteCount replyCount } }';
  const read = async (id: string) => (await forum.call(null, READ, { id })).data!.thread;

  it('are not counted again for a repeat, and a vote, a reply or an unvote shows at once', async () => {
    cacheListPages(forum.connection, {
      redis: forum.redis,
      prefix: `${forum.queuePrefix}:pages:`,
    });
    await establishAccounts(forum, 'voter');
    const id = await newThread(forum, author);
    expect(await read(id)).toEqual({ voteCount: 0, replyCount: 0 });
    forum.commands.length = 0;
    expect(await read(id)).toEqual({ voteCount: 0, replyCount: 0 });
    expect(forum.commands.filter((c) => c.startsWith('aggregate'))).toEqual([]);

    await forum.call(voter, VOTE, { id });
    expect(await read(id)).toEqual({ voteCount: 1, replyCount: 0 });
    await newReply(forum, voter, id);
    expect(await read(id)).toEqual({ voteCount: 1, replyCount: 1 });
    await forum.call(voter, UNVOTE, { id });
    expect(await read(id)).toEqual({ voteCount: 0, replyCount: 1 });
    forum.commands.length = 0;
    expect(await read(id)).toEqual({ voteCount: 0, replyCount: 1 });
    expect(forum.commands.filter((c) => c.startsWith('aggregate'))).toEqual([]);
  });
});
