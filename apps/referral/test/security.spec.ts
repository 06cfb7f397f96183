import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  gql,
  internalTokenFor,
  spawnServingApp,
  testProcessEnv,
  testViewer,
  useTestDatabase,
  type ServingApp,
} from '@portal/testing';
import type { Viewer } from '@portal/auth';
import { createForumClient, type ForumClient } from '../src/clients/forum-client';
import {
  REFER_THREAD,
  submitHotlineFeedback,
  useReferralHarness,
  viewers,
} from './support/harness';

// Attacks from the security review (issue 14) against the real referral subgraph, with the
// real forum subgraph as its own process.

let forum: ServingApp;
let forumClient: ForumClient | null = null;
const forumDb = useTestDatabase('referral_sec_forum');

async function forumCall(viewer: Viewer, query: string, variables: Record<string, unknown>) {
  const res = await gql(`${forum.url}/graphql`, query, {
    internalToken: await internalTokenFor(viewer),
    variables,
  });
  if (res.errors) throw new Error(`forum: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

beforeAll(async () => {
  forum = await spawnServingApp(
    'forum',
    'main',
    { ...testProcessEnv(forumDb.dbName, forumDb.dbName), HOST: '127.0.0.1' },
    { waitFor: '/readyz' },
  );
  forumClient = createForumClient({
    url: `${forum.url}/graphql`,
    internalTokenSecret: TEST_INTERNAL_SECRET,
  });
}, 120_000);

afterAll(async () => {
  await forum?.stop();
});

// After the forum's hooks: it is up when the harness starts, and still up when it stops.
const h = useReferralHarness('security', {
  get forum() {
    return forumClient;
  },
});

const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Referral {
        id
        trackingCode
        history {
          status
          note
        }
      }
    }
  }
`;

/** The ObjectIds around `id`, as an attacker enumerates them (the counter is sequential). */
function neighbours(id: string, count: number): string[] {
  const hex = id.slice(-6);
  const base = parseInt(hex, 16);
  return Array.from(
    { length: count },
    (_, i) =>
      `${id.slice(0, 18)}${((base - count / 2 + i) & 0xffffff).toString(16).padStart(6, '0')}`,
  );
}

describe('referral entities never hand out tracking codes (issue 14 item 3)', () => {
  let victim: { trackingCode: string; id: string };

  beforeAll(async () => {
    victim = await submitHotlineFeedback(h, 'DIEN', viewers.citizen('victim-1'));
  });

  it('guessing ids through _entities finds nothing for strangers', async () => {
    const reps = neighbours(victim.id, 156).map((id) => ({ __typename: 'Referral', id }));
    expect(reps.some((r) => r.id === victim.id)).toBe(true);
    for (const viewer of [
      viewers.anonymous,
      viewers.citizen('attacker-1'),
      viewers.officer('SO-YT'),
    ]) {
      const res = await h.call(viewer, ENTITIES, { reps });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const found = (res.data!._entities as ({ trackingCode?: string } | null)[]).filter(Boolean);
      expect(found, viewer.id ?? 'anonymous').toEqual([]);
      expect(JSON.stringify(res.data)).not.toContain(victim.trackingCode);
    }
  });

  it('still resolves for the submitter and for staff who handle it', async () => {
    const reps = [{ __typename: 'Referral', id: victim.id }];
    for (const viewer of [viewers.citizen('victim-1'), viewers.moderator()]) {
      const res = await h.call(viewer, ENTITIES, { reps });
      expect(res.data!._entities[0]?.trackingCode).toBe(victim.trackingCode);
    }
  });

  it('refuses a representation whose id is not a string without an internal error', async () => {
    const res = await h.call(viewers.anonymous, ENTITIES, {
      reps: [{ __typename: 'Referral', id: { $gt: '' } }],
    });
    expect(JSON.stringify(res)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(res.data?._entities ?? [null]).toEqual([null]);
  });
});

describe('a referral does not reveal a removed thread (issue 14 item 18)', () => {
  const TRACK = /* GraphQL */ `
    query ($code: String!) {
      referralByTrackingCode(code: $code) {
        trackingCode
        thread {
          id
        }
      }
    }
  `;
  let threadId: string;
  let code: string;

  beforeAll(async () => {
    const created = await forumCall(
      testViewer('citizen', { id: 'thread-author' }),
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }',
      {
        input: {
          title: 'Cột điện nghiêng trên đường Lê Lợi',
          body: 'Cột điện nghiêng nguy hiểm.',
          kind: 'QUESTION',
        },
      },
    );
    threadId = created.createThread.id;
    const referred = await h.call(viewers.moderator(), REFER_THREAD, {
      threadId,
      categoryCode: 'DIEN',
    });
    expect(referred.errors, JSON.stringify(referred.errors)).toBeUndefined();
    code = referred.data!.referThreadToHotline.trackingCode;
  });

  it('shows the thread while it is public, answers thread: null once it is removed', async () => {
    const before = await h.call(viewers.anonymous, TRACK, { code });
    expect(before.data!.referralByTrackingCode.thread).toEqual({ id: threadId });

    await forumCall(
      testViewer('moderator'),
      'mutation($id: ID!) { moderateContent(targetId: $id, action: REMOVE, note: "Sai sự thật") }',
      { id: threadId },
    );
    for (const viewer of [
      viewers.anonymous,
      viewers.citizen('thread-author'),
      viewers.officer('EVN-HCMC'),
    ]) {
      const after = await h.call(viewer, TRACK, { code });
      expect(after.errors, JSON.stringify(after.errors)).toBeUndefined();
      expect(after.data!.referralByTrackingCode).toEqual({ trackingCode: code, thread: null });
      expect(JSON.stringify(after)).not.toContain(threadId);
    }
    // Moderators see removed threads in the forum too.
    const staff = await h.call(viewers.moderator(), TRACK, { code });
    expect(staff.data!.referralByTrackingCode.thread).toEqual({ id: threadId });
  });

  it('answers thread: null, not an error, while the forum cannot be asked', async () => {
    const unreachable = createForumClient({
      url: `http://127.0.0.1:${await freePort()}/graphql`,
      internalTokenSecret: TEST_INTERNAL_SECRET,
    });
    expect(await unreachable.publicIds('Thread', [new Types.ObjectId().toHexString()])).toBeNull();
  });
});
