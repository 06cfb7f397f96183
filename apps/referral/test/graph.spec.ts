import { composeServices } from '@apollo/composition';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { loadSchemaFile } from '@portal/graphql-kit';
import { contractDocument } from '@portal/local-services';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import { errorCodes, TEST_INTERNAL_SECRET, TEST_LISTEN } from '@portal/testing';
import { createForumClient } from '../src/clients/forum-client';
import { SCHEMA_PATH } from '../src/server';
import { REFER_THREAD, insertReferral, useReferralHarness, viewers } from './support/harness';

// The graph side: entity batching (counting real database commands), the contract's
// operations against the composed supergraph, and reading threads from the forum subgraph.

// A stand-in for the forum subgraph, with the fields the contract gives Thread (and Post).
const FORUM_SDL = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  enum ThreadStatus {
    OPEN
    ANSWERED
    REFERRED
    CLOSED
  }
  type PageInfo @shareable {
    hasNextPage: Boolean!
    endCursor: String
  }
  type Thread @key(fields: "id") {
    id: ID!
    title: String!
    body: String!
    status: ThreadStatus!
  }
  type Post @key(fields: "id") {
    id: ID!
    body: String!
  }
  type Query {
    thread(id: ID!): Thread
  }
`;
const threads = new Map([
  [
    'a'.repeat(24),
    {
      id: 'a'.repeat(24),
      title: 'Ngập nước đường Nguyễn Hữu Cảnh',
      body: '<p>Mỗi khi mưa lớn, đường <b>Nguyễn Hữu Cảnh</b> ngập sâu & kẹt xe.</p>',
    },
  ],
]);
let forum: RunningSubgraph;
let forumUp = false;
let forumClient: ReturnType<typeof createForumClient> | null = null;

beforeAll(async () => {
  forum = await startSubgraphServer({
    name: 'forum',
    listen: TEST_LISTEN,
    typeDefs: parse(FORUM_SDL),
    logger: createLogger({ service: 'forum-stand-in', level: 'silent', pretty: false }),
    context: (base) => base,
    resolvers: {
      Thread: { __resolveReference: (ref: { id: string }) => threads.get(ref.id) ?? null },
      Post: { __resolveReference: () => null },
      Query: { thread: (_: unknown, args: { id: string }) => threads.get(args.id) ?? null },
    },
  });
  forumUp = true;
  forumClient = createForumClient({
    url: forum.graphqlUrl,
    internalTokenSecret: TEST_INTERNAL_SECRET,
  });
});
afterAll(async () => {
  if (forumUp) await forum.close();
});

// After the stand-in's hooks: it is up when the harness starts, and still up when it stops.
const h = useReferralHarness('graph', {
  get forum() {
    return forumClient;
  },
});

function referralFinds(): number {
  return h.commands.filter((c) => c === 'find referrals').length;
}

describe('entities', () => {
  it('resolves N Thread.referral references with one query', async () => {
    const threadIds = Array.from({ length: 5 }, () => new Types.ObjectId().toHexString());
    for (const threadId of threadIds.slice(0, 4))
      await insertReferral(h, {
        source: 'FORUM_THREAD',
        sourceKey: `thread:${threadId}`,
        threadId,
      });
    h.resetCommands();
    const res = await h.call(
      null,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Thread { id referral { trackingCode status categoryCode } } } }`,
      { r: threadIds.map((id) => ({ __typename: 'Thread', id })) },
    );
    expect(res.errors).toBeUndefined();
    const entities = res.data!._entities;
    expect(entities.map((e: { id: string }) => e.id)).toEqual(threadIds);
    expect(entities.slice(0, 4).every((e: any) => e.referral?.status === 'RECEIVED')).toBe(true);
    expect(entities[4].referral).toBeNull();
    expect(referralFinds()).toBe(1);
  });

  it('resolves N Referral references with one query, for staff only', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await insertReferral(h, { contact: { email: 'x@example.vn', name: null } })
        )._id.toHexString(),
      );
    h.resetCommands();
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id status contactEmail history { status } } } }`;
    const reps = [...ids, 'f'.repeat(24)].map((id) => ({ __typename: 'Referral', id }));
    const res = await h.call(viewers.moderator(), query, { r: reps });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.slice(0, 3).map((e: any) => [e.id, e.contactEmail])).toEqual(
      ids.map((id) => [id, 'x@example.vn']),
    );
    expect(res.data!._entities[3]).toBeNull();
    expect(referralFinds()).toBe(1);
    // Strangers get nothing at all (see security.spec.ts).
    const anonymous = await h.call(null, query, { r: reps });
    expect(anonymous.data!._entities).toEqual([null, null, null, null]);
    h.resetCommands();
    await h.call(viewers.moderator(), query, { r: reps });
    // History for all three: one more query, on the event log.
    expect(h.commands.filter((c) => c.endsWith(' referral_events'))).toHaveLength(1);
  });

  it('answers Referral.thread as a reference the forum resolves', async () => {
    const threadId = new Types.ObjectId().toHexString();
    const referral = await insertReferral(h, {
      source: 'FORUM_THREAD',
      sourceKey: `thread:${threadId}`,
      threadId,
    });
    const res = await h.call(
      viewers.moderator(),
      `query($id: ID!) { referral(id: $id) { thread { __typename id } post { id } } }`,
      { id: referral._id.toHexString() },
    );
    expect(res.data!.referral).toEqual({
      thread: { __typename: 'Thread', id: threadId },
      post: null,
    });
  });
});

describe('the contract', () => {
  const contract = contractDocument();
  const ours = [
    'TrackReferral',
    'SubmitFeedback',
    'ReferThreadToHotline',
    'Referrals',
    'UpdateReferralStatus',
    'HotlineCategories',
  ];

  it('validates every referral operation against the supergraph composed with the forum', () => {
    const composed = composeServices([
      { name: 'referral', url: 'http://referral', typeDefs: loadSchemaFile(SCHEMA_PATH) },
      { name: 'forum', url: 'http://forum', typeDefs: parse(FORUM_SDL) },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    const api = composed.schema!.toAPISchema().toGraphQLJSSchema();
    const operations = contract.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    for (const name of ours) {
      const op = operations.find((o) => o.name?.value === name);
      expect(op, name).toBeDefined();
      const doc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op!] };
      expect(validate(api, doc).map((e) => `${name}: ${e.message}`)).toEqual([]);
    }
    // ForumThread's `referral { trackingCode status }` is served by this subgraph.
    const threadReferral = parse(
      `query($id: ID!) { thread(id: $id) { id title referral { trackingCode status } } }`,
    );
    expect(validate(api, threadReferral)).toEqual([]);
  });
});

describe('referring a thread reads it from the forum', () => {
  it('sends the thread’s title and text to the hotline, as plain text', async () => {
    const res = await h.call(viewers.moderator(), REFER_THREAD, {
      threadId: 'a'.repeat(24),
      categoryCode: 'GIAO-THONG',
      note: 'Ngập kéo dài nhiều năm.',
    });
    expect(res.errors).toBeUndefined();
    const referral = (await h.core.repo.findById(res.data!.referThreadToHotline.id))!;
    expect(referral).toMatchObject({
      source: 'FORUM_THREAD',
      subject: 'Ngập nước đường Nguyễn Hữu Cảnh',
      summary: 'Mỗi khi mưa lớn, đường Nguyễn Hữu Cảnh ngập sâu & kẹt xe.',
      referralNote: 'Ngập kéo dài nhiều năm.',
      targetAgency: 'SO-XD',
    });
  });

  it('refuses a thread the forum does not know with NOT_FOUND', async () => {
    const res = await h.call(viewers.moderator(), REFER_THREAD, {
      threadId: 'b'.repeat(24),
      categoryCode: 'GIAO-THONG',
    });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  it('still refers the thread, with a link, while the forum is down', async () => {
    await forum.close();
    forumUp = false;
    const threadId = 'c'.repeat(24);
    const res = await h.call(viewers.moderator(), REFER_THREAD, { threadId, categoryCode: 'DIEN' });
    expect(res.errors).toBeUndefined();
    const referral = (await h.core.repo.findById(res.data!.referThreadToHotline.id))!;
    expect(referral.subject).toBe('Phản ánh từ diễn đàn');
    expect(referral.summary).toBe(`Nội dung tại https://cds.example.vn/dien-dan/${threadId}`);
  });
});
