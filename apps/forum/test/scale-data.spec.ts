import { describe, expect, it } from 'vitest';
import type { Model } from 'mongoose';
import { graphChangesStream, parseGraphChange, publishGraphChangesOf } from '@portal/queue';
import { SCALE_DATA, scaleId } from '@portal/testing/bench';
import {
  ForumScalePlan,
  nothingInserted,
  scaleCounts,
  seedScale,
  type ScaleCounts,
} from '../bench/scale-data';
import { useForum } from './forum-harness';
import { FORUM_THREAD } from './forum-operations';

const forum = useForum('forum_scale');

// A few dozen documents of each kind, then twice as many.
const SMALL = 0.0005;
const LARGER = 0.001;
const NOW = new Date();
const DAY = 86_400_000;

const threadId = (i: number) => scaleId('thread', i);

/** Every generated document, as the models validate them. */
async function expectValidDocuments(): Promise<void> {
  const { threads, posts, votes, profiles, moderationLog } = forum.models;
  for (const model of [threads, posts, votes, profiles, moderationLog] as Model<any>[])
    for (const doc of await model.find().lean())
      expect(new model(doc).validateSync(), `${model.modelName} ${String(doc._id)}`).toBe(
        undefined,
      );
}

/** Each thread's counters are what its votes and posts say, as the forum keeps them. */
async function expectCountersMatchCollections(): Promise<void> {
  const threads = await forum.models.threads.find().lean();
  for (const t of threads) {
    const votes = await forum.models.votes.find({ threadId: t._id }).lean();
    const posts = await forum.models.posts.find({ threadId: t._id }).lean();
    const latest = (dates: Date[]) => Math.max(0, ...dates.map((d) => d.getTime()));
    expect(t.voteCount, `votes of ${String(t._id)}`).toBe(votes.length);
    expect(t.lastVoteAt?.getTime() ?? 0).toBe(latest(votes.map((v) => v.createdAt)));
    expect(t.lastActivityAt.getTime()).toBe(
      Math.max(t.createdAt.getTime(), latest(posts.map((p) => p.createdAt))),
    );
    const answers = posts.filter((p) => p.isOfficialAnswer);
    expect(t.workflowStatus === 'ANSWERED' || t.statusBeforeClose === 'ANSWERED').toBe(
      answers.length > 0,
    );
    for (const p of posts) {
      expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(t.createdAt.getTime());
      expect(p.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  }
}

async function publicList(sort = 'NEWEST') {
  const res = await forum.call(
    null,
    `query($sort: ThreadSort) {
      threads(first: 100, filter: { sort: $sort }) {
        nodes { id title status voteCount replyCount createdAt lastActivityAt author { displayName } }
        totalCount
      }
    }`,
    { sort },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.threads as {
    nodes: {
      id: string;
      title: string;
      status: string;
      voteCount: number;
      replyCount: number;
      createdAt: string;
      lastActivityAt: string;
      author: { displayName: string } | null;
    }[];
    totalCount: number;
  };
}

function expectOrdered<T>(nodes: T[], key: (n: T) => number): void {
  for (let k = 1; k < nodes.length; k++)
    expect(key(nodes[k - 1]!)).toBeGreaterThanOrEqual(key(nodes[k]!));
}

/**
 * The public list shows `counts`' threads with their replies and votes counted, the stored sort
 * keys agree with the counted figures, and every document is valid; returns the list.
 */
async function expectListShows(counts: ScaleCounts) {
  const list = await publicList();
  expect(list.totalCount).toBe(counts.threads);
  expect(list.nodes.reduce((sum, n) => sum + n.replyCount, 0)).toBe(counts.replies);
  expect(list.nodes.reduce((sum, n) => sum + n.voteCount, 0)).toBe(counts.votes);
  expectOrdered((await publicList('MOST_VOTED')).nodes, (n) => n.voteCount);
  expectOrdered((await publicList('ACTIVE')).nodes, (n) => Date.parse(n.lastActivityAt));
  await expectCountersMatchCollections();
  await expectValidDocuments();
  return list;
}

describe('forum scale data', { timeout: 180_000 }, () => {
  it('adds threads, replies and votes the public reads show, only once, and the rest at a larger fraction', async () => {
    // As the seed script wires it: cached list pages, and graph changes to the stream.
    publishGraphChangesOf(forum.connection, forum.redis, forum.queuePrefix);
    expect((await publicList()).totalCount).toBe(0);

    const small = scaleCounts(SMALL);
    const first = await seedScale(forum.models, SMALL, NOW);
    expect(first.inserted).toMatchObject(small);
    expect(first.total).toMatchObject(small);
    expect(first.inserted.profiles).toBeGreaterThan(0);

    // The list cached above was dropped by the inserts: anonymous readers see every thread,
    // newest first, with their authors, and the counted replies and votes.
    let list = await expectListShows(small);
    expect(list.nodes.map((n) => n.id).toSorted()).toEqual(
      Array.from({ length: small.threads }, (_, i) => threadId(i)).toSorted(),
    );
    expectOrdered(list.nodes, (n) => Date.parse(n.createdAt));
    expect(list.nodes.every((n) => n.author?.displayName)).toBe(true);

    const page = await forum.call(null, FORUM_THREAD, { id: threadId(0) });
    expect(page.errors).toBeUndefined();
    const thread = page.data!.thread;
    expect(thread.id).toBe(threadId(0));
    expect(thread.body).toMatch(/^<p>/);
    expect(thread.author.displayName).toBeTruthy();
    expect(thread.replies.nodes).toHaveLength(thread.replyCount);
    for (const reply of thread.replies.nodes) expect(reply.author.displayName).toBeTruthy();
    // Search finds a thread by the words of its title (folded, as people type them).
    const search = await forum.call(
      null,
      'query($q: String) { threads(filter: { search: $q }) { nodes { id } } }',
      { q: thread.title.normalize('NFD').replace(/[\u0300-\u036f]/g, '') },
    );
    expect(search.data!.threads.nodes.map((n: { id: string }) => n.id)).toContain(threadId(0));

    // The writes reached the graph's change stream, naming the threads.
    const entries = await forum.redis.xrange(graphChangesStream(forum.queuePrefix), '-', '+');
    const changes = entries.map(([, fields]) => parseGraphChange(fields));
    expect(changes.some((c) => c?.type === 'Thread' && c.ids.includes(threadId(0)))).toBe(true);
    expect(changes.some((c) => c?.type === 'Vote')).toBe(true);

    // Again at the same fraction: nothing to add.
    const again = await seedScale(forum.models, SMALL, NOW);
    expect(again.inserted).toEqual(nothingInserted());
    expect(again.total).toEqual(first.total);

    // A larger fraction, a day later: exactly the difference, dated as the first run's were;
    // threads that got new replies and votes have their counters brought along.
    const stored = await forum.models.threads.findById(threadId(0)).lean();
    const larger = scaleCounts(LARGER);
    const more = await seedScale(forum.models, LARGER, new Date(NOW.getTime() + DAY));
    expect(more.inserted).toMatchObject({
      threads: larger.threads - small.threads,
      replies: larger.replies - small.replies,
      votes: larger.votes - small.votes,
    });
    expect(more.total).toMatchObject(larger);
    for (const kind of ['answers', 'profiles', 'moderationLog'] as const)
      expect(more.total[kind]).toBe(first.total[kind] + more.inserted[kind]);
    expect((await forum.models.threads.findById(threadId(0)).lean())!.createdAt).toEqual(
      stored!.createdAt,
    );
    list = await expectListShows(larger);

    // Answered threads show their department's official answer.
    expect(more.total.answers).toBeGreaterThan(0);
    const answered = list.nodes.filter((n) => n.status === 'ANSWERED');
    expect(answered.length).toBeGreaterThan(0);
    for (const { id } of answered) {
      const res = await forum.call(null, FORUM_THREAD, { id });
      expect(res.data!.thread.assignedDepartment).toBeTruthy();
      expect(res.data!.thread.officialAnswer.author.displayName).toMatch(/trả lời/);
    }
  });

  it('plans replies and votes unevenly, each on a thread its fraction holds, one vote per person', () => {
    const full = new ForumScalePlan(scaleCounts(1), NOW);
    const replies = new Array<number>(SCALE_DATA.threads).fill(0);
    for (const t of full.replyThread) replies[t]!++;
    const sorted = replies.toSorted((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(15);
    expect(sorted.filter((n) => n >= 100).length).toBeGreaterThanOrEqual(5);

    const votes = new Set<string>();
    for (let i = 0; i < full.counts.votes; i++) {
      const vote = full.voteDoc(i);
      votes.add(`${String(vote.threadId)}:${vote.userId}`);
    }
    expect(votes.size).toBe(full.counts.votes);

    for (const fraction of [0.0002, SMALL, 0.0133, 0.2, 0.777]) {
      const plan = new ForumScalePlan(scaleCounts(fraction), NOW);
      const highest = [...plan.replyThread, ...plan.voteThread].reduce((a, b) => Math.max(a, b));
      expect(highest).toBeLessThan(plan.counts.threads);
      // The same documents as the full plan's first ones.
      for (const i of [0, plan.counts.replies - 1]) {
        expect(plan.replyDoc(i)).toEqual(full.replyDoc(i));
        expect(plan.voteDoc(i)).toEqual(full.voteDoc(i));
      }
    }
  });
});
