import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { contractOperation, freePort, startRedis, type StartedRedis } from '@portal/local-services';
import { createRedisConnection } from '@portal/queue';
import { hasControlCharacters } from '@portal/text';
import {
  TEST_INTERNAL_SECRET,
  errorCodes,
  gql,
  internalTokenFor,
  testViewer,
  uniqueName,
} from '@portal/testing';
import type { Viewer } from '@portal/auth';
import { startServer, type RunningForum } from '../src/server';
import {
  TEST_RULES,
  createThread,
  establishAccounts,
  newReply,
  newThread,
  publicId,
  useForum,
} from './forum-harness';

// Attacks from the security review (issue 14) against the real forum subgraph.
const forum = useForum('forum_security', { ...TEST_RULES, autoHideFlags: 3, newAccountDays: 7 });
const author = testViewer('citizen', { id: 'sec-author', displayName: 'Lê Văn Tám' });
const moderator = testViewer('moderator', { id: 'sec-mod' });
const officer = testViewer('officer', { id: 'sec-officer', department: 'SO-KHCN' });
const FLAG = contractOperation('FlagContent');
const THREAD = 'query($id: ID!) { thread(id: $id) { id title body status } }';

const citizens = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => testViewer('citizen', { id: `${prefix}-${i + 1}` }));

async function flagAll(viewers: Viewer[], targetId: string): Promise<void> {
  for (const v of viewers) {
    const res = await forum.call(v, FLAG, { targetId, reason: 'ABUSE' });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  }
}

/** `n` citizens whose accounts are past the new-account window each flag the target. */
async function flagAsEstablished(prefix: string, n: number, targetId: string): Promise<void> {
  const flaggers = citizens(prefix, n);
  await establishAccounts(forum, ...flaggers.map((v) => v.id!));
  await flagAll(flaggers, targetId);
}

async function logActions(targetId: string): Promise<string[]> {
  const entries = await forum.models.moderationLog.find({ targetId }).sort({ at: 1 }).lean();
  return entries.map((e) => e.action);
}

describe('flags cannot hide content for a handful of new accounts (item 7)', () => {
  it('new accounts’ flags queue the thread for a moderator but never hide it', async () => {
    const id = await newThread(forum, author, { title: 'Đề xuất mở dữ liệu giao thông' });
    await flagAll(citizens('fresh', 5), id);
    const page = await forum.call(null, THREAD, { id });
    expect(page.data!.thread).toMatchObject({ id, status: 'OPEN' });
    expect(await logActions(id)).toEqual([]);
    const queue = await forum.call(moderator, contractOperation('ModerationQueue'));
    const item = queue.data!.moderationQueue.nodes.find(
      (n: { targetId: string }) => n.targetId === id,
    );
    expect(item).toMatchObject({ targetKind: 'THREAD', flagCount: 5 });
  });

  it('established accounts still hide ordinary content at the threshold', async () => {
    const id = await newThread(forum, author, { title: 'Quảng cáo vay tiền nhanh' });
    await flagAsEstablished('old', 3, id);
    expect((await forum.call(null, THREAD, { id })).data!.thread).toBeNull();
    expect(await logActions(id)).toEqual(['AUTO_HIDE']);
  });

  it('an officially answered thread goes to the moderation queue instead of being hidden, and the log says so', async () => {
    const id = await newThread(forum, author, { title: 'Đề xuất ký số cho hộ kinh doanh' });
    await forum.call(moderator, contractOperation('AssignThread'), { id, department: 'SO-KHCN' });
    const answered = await forum.call(officer, contractOperation('PostOfficialAnswer'), {
      threadId: id,
      body: '<p>Sở tiếp thu và triển khai trong quý tới.</p>',
    });
    expect(answered.errors, JSON.stringify(answered.errors)).toBeUndefined();
    await flagAsEstablished('brigade', 4, id);
    expect((await forum.call(null, THREAD, { id })).data!.thread).toMatchObject({
      id,
      status: 'ANSWERED',
    });
    const log = await forum.models.moderationLog.find({ targetId: id }).lean();
    expect(log.map((e) => e.action).sort()).toEqual(['ASSIGN', 'HELD_FOR_REVIEW']);
    expect(log.find((e) => e.action === 'HELD_FOR_REVIEW')!.detail).toBe(
      '3 flags; officially answered',
    );
    const queue = await forum.call(moderator, contractOperation('ModerationQueue'));
    expect(
      queue.data!.moderationQueue.nodes.some((n: { targetId: string }) => n.targetId === id),
    ).toBe(true);
  });

  it('a thread a moderator restored is held, not hidden again by the next round', async () => {
    const id = await newThread(forum, author, { title: 'Góp ý về cổng dịch vụ công' });
    await flagAsEstablished('round1', 3, id);
    expect((await forum.call(null, THREAD, { id })).data!.thread).toBeNull();
    const restored = await forum.call(
      moderator,
      'mutation($id: ID!) { moderateContent(targetId: $id, action: RESTORE, note: "Không vi phạm") }',
      { id },
    );
    expect(restored.errors, JSON.stringify(restored.errors)).toBeUndefined();
    await flagAsEstablished('round2', 3, id);
    expect((await forum.call(null, THREAD, { id })).data!.thread).toMatchObject({ id });
    expect(await logActions(id)).toEqual(['AUTO_HIDE', 'RESTORE', 'HELD_FOR_REVIEW']);
  });
});

describe('plain text and bodies (items 12 and 19)', () => {
  it('strips control characters and bidi overrides from titles, tags and bodies', async () => {
    const res = await createThread(
      forum,
      author,
      {
        title: 'Thông\u0000 báo\u001b[2J khẩn \u202Egnp.exe',
        body: '<p>Nội\u0007 dung\u2066 ẩn\u009b</p>',
        kind: 'PROPOSAL',
        tags: ['dữ\u200Fliệu'],
      },
      'id title tags body',
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.createThread).toMatchObject({
      title: 'Thông báo[2J khẩn gnp.exe',
      body: '<p>Nội dung ẩn</p>',
      tags: ['dữliệu'],
    });
    const stored = await forum.models.threads.findById(res.data!.createThread.id).lean();
    expect(hasControlCharacters(`${stored!.title}${stored!.body}${stored!.tags.join('')}`)).toBe(
      false,
    );
    const reply = await newReply(
      forum,
      author,
      res.data!.createThread.id,
      '<p>Trả\u0000 lời\u202D</p>',
    );
    const post = await forum.models.posts.findById(reply).lean();
    expect(post!.body).toBe('<p>Trả lời</p>');
  });

  it('embeds images only from the portal’s own file storage', async () => {
    const id = await newThread(forum, author, {
      body:
        '<p>Xem ảnh</p><img src="https://tracker.example.com/pixel.gif?u=sec-author">' +
        '<img src="http://192.168.1.1/router.png"><img src="/files/65f0c0ffee00000000000001" alt="Sơ đồ">',
    });
    const page = await forum.call(null, THREAD, { id });
    expect(page.data!.thread.body).toBe(
      '<p>Xem ảnh</p><img src="/files/65f0c0ffee00000000000001" alt="Sơ đồ" />',
    );
    const md = await forum.call(
      author,
      'mutation($t: ID!, $b: String!) { replyToThread(threadId: $t, body: $b, bodyFormat: MARKDOWN) { body } }',
      { t: id, b: 'Ảnh: ![x](https://tracker.example.com/p.gif)' },
    );
    expect(md.data!.replyToThread.body).not.toContain('tracker.example.com');
  });
});

describe('User.id is opaque, never the identity provider’s subject (item 17)', () => {
  it('shows and accepts only the public id, consistently for authors, answers and the log', async () => {
    // Subjects can be personal data: a citizen number, an e-mail address.
    const citizen = testViewer('citizen', { id: '079203001234', displayName: 'Trần Thị Hoa' });
    const id = await newThread(forum, citizen, { title: 'Đề xuất về định danh điện tử' });
    await newReply(forum, testViewer('citizen', { id: 'hoa@example.vn' }), id);
    await forum.call(moderator, contractOperation('AssignThread'), { id, department: 'SO-KHCN' });
    const res = await forum.call(
      moderator,
      `query($id: ID!) {
        thread(id: $id) { author { id } replies { nodes { author { id } } } }
        moderationLog(targetId: $id) { nodes { actor { id } } }
      }`,
      { id },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const text = JSON.stringify(res.data);
    for (const subject of ['079203001234', 'hoa@example.vn', 'sec-mod'])
      expect(text).not.toContain(subject);
    expect(res.data!.thread.author.id).toBe(publicId('079203001234'));
    expect(res.data!.thread.replies.nodes[0].author.id).toBe(publicId('hoa@example.vn'));
    expect(res.data!.moderationLog.nodes[0].actor.id).toBe(publicId('sec-mod'));

    const mine = await forum.call(
      null,
      'query($a: ID) { threads(filter: { authorId: $a }) { nodes { id } } }',
      {
        a: res.data!.thread.author.id,
      },
    );
    expect(mine.data!.threads.nodes).toEqual([{ id }]);
    // Guessing by subject finds nothing.
    const guessed = await forum.call(
      null,
      'query($a: ID) { threads(filter: { authorId: $a }) { nodes { id } } }',
      {
        a: '079203001234',
      },
    );
    expect(guessed.data!.threads.nodes).toEqual([]);
  });
});

describe('authorization is decided before the thread or the body is looked at (item 9)', () => {
  it('postOfficialAnswer: UNAUTHENTICATED anonymous, FORBIDDEN for every other role, whatever the thread id and body', async () => {
    const ANSWER = contractOperation('PostOfficialAnswer');
    const id = await newThread(forum, author, { title: 'Đề xuất chưa phân công' });
    const noDepartment = testViewer('officer', { id: 'sec-officer-nodept' });
    const targets = [
      { threadId: '000000000000000000000000', body: '<p>Trả lời</p>' }, // no such thread
      { threadId: 'not-an-id', body: '<p>Trả lời</p>' }, // malformed id
      { threadId: id, body: '' }, // invalid body
    ];
    for (const variables of targets) {
      expect(errorCodes(await forum.call(null, ANSWER, variables))).toEqual(['UNAUTHENTICATED']);
      for (const caller of [
        author,
        moderator,
        testViewer('contributor'),
        testViewer('editor'),
        noDepartment,
      ])
        expect(errorCodes(await forum.call(caller, ANSWER, variables)), caller.id!).toEqual([
          'FORBIDDEN',
        ]);
    }
    // The officer (the allowed role) gets past authorization to the lookup and the input.
    expect(errorCodes(await forum.call(officer, ANSWER, targets[0]))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await forum.call(officer, ANSWER, targets[1]))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('forged input is BAD_USER_INPUT (item 10)', () => {
  it('a threads cursor carrying query operators', async () => {
    for (const values of [
      '[{"$ne":null},{"$ne":null}]',
      '[{"$gt":""},{"$oid":"000000000000000000000000"}]',
      '[{"$where":"1"}]',
    ]) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const after = Buffer.from(values).toString(encoding);
        for (const sort of ['NEWEST', 'MOST_VOTED', 'ACTIVE', 'UNANSWERED']) {
          const res = await forum.call(
            null,
            'query($after: String, $sort: ThreadSort) { threads(after: $after, filter: { sort: $sort }) { nodes { id } } }',
            { after, sort },
          );
          expect(errorCodes(res), `${values} ${sort}`).toEqual(['BAD_USER_INPUT']);
        }
      }
    }
  });
});

describe('while Redis is down (item 11)', () => {
  let redis: StartedRedis;
  let dir: string;
  let client: Redis;
  let server: RunningForum;
  let threadId: string;
  let postId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forum-redis-'));
    redis = await startRedis({ port: await freePort(), dir, persistent: false });
    client = createRedisConnection(redis.url, 'producer');
    client.on('error', () => {});
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      internalTokenSecret: TEST_INTERNAL_SECRET,
      production: false,
      logger: createLogger({ service: 'forum-redis-down', level: 'silent', pretty: false }),
      connection: forum.connection,
      redis: client,
      queuePrefix: uniqueName('forum_redis_down'),
      rules: TEST_RULES,
    });
    threadId = await newThread(forum, author);
    postId = await newReply(forum, author, threadId);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    client?.disconnect();
    await redis?.process.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('create, reply, vote and flag answer SERVICE_UNAVAILABLE with retryAfter, and nothing is written', async () => {
    const call = async (viewer: Viewer, query: string, variables: Record<string, unknown>) =>
      gql(server.graphqlUrl, query, { variables, internalToken: await internalTokenFor(viewer) });
    const voter = testViewer('citizen', { id: 'redis-voter' });
    // Works while Redis is up.
    const up = await call(voter, contractOperation('VoteThread'), { id: threadId });
    expect(up.errors, JSON.stringify(up.errors)).toBeUndefined();

    await redis.process.stop();
    const threadsBefore = await forum.models.threads.countDocuments();
    const attempts = [
      [
        'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }',
        { input: { title: 'Khi Redis ngừng', body: '<p>Nội dung</p>', kind: 'QUESTION' } },
      ],
      [
        'mutation($t: ID!, $b: String!) { replyToThread(threadId: $t, body: $b) { id } }',
        { t: threadId, b: '<p>Trả lời</p>' },
      ],
      [contractOperation('VoteThread'), { id: threadId }],
      [FLAG, { targetId: postId, reason: 'SPAM' }],
    ] as const;
    for (const [query, variables] of attempts) {
      const res = await call(testViewer('citizen', { id: 'redis-down-1' }), query, variables);
      expect(res.status).toBe(200);
      expect(
        res.errors?.map((e) => e.extensions),
        query,
      ).toEqual([{ code: 'SERVICE_UNAVAILABLE', retryAfter: 5 }]);
    }
    expect(await forum.models.threads.countDocuments()).toBe(threadsBefore);
    expect(await forum.models.flags.countDocuments({ targetId: postId })).toBe(0);
  });
});
