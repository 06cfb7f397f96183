import { publicUserId, type Viewer } from '@portal/auth';
import {
  TEST_INTERNAL_SECRET,
  uniqueName,
  useSubgraph,
  type SubgraphHarness,
} from '@portal/testing';
import type { Connection } from 'mongoose';
import type { ForumModels } from '../src/models';
import { startServer, type RunningForum } from '../src/server';
import { DEFAULT_RULES, type ForumRules } from '../src/domain/forum-rules';

/** Generous limits (1000 a minute for every action), so only the specs about limits meet them. */
export const TEST_RULES: ForumRules = {
  ...DEFAULT_RULES,
  limits: Object.fromEntries(
    Object.keys(DEFAULT_RULES.limits).map((action) => [
      action,
      { points: 1000, windowSeconds: 60 },
    ]),
  ) as ForumRules['limits'],
};

export type Forum = SubgraphHarness<RunningForum> & {
  models: ForumModels;
  connection: Connection;
  queuePrefix: string;
};

/**
 * Starts the forum subgraph in-process (`useSubgraph`) against this file's own database and
 * queue prefix on the real FerretDB and Redis, for the file's tests.
 */
export function useForum(label: string, rules: ForumRules = TEST_RULES): Forum {
  return useSubgraph(label, async (env) => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      internalTokenSecret: TEST_INTERNAL_SECRET,
      production: false,
      logger: env.logger,
      connection: env.conn,
      redis: env.redis,
      queuePrefix: env.prefix,
      rules,
    });
    return {
      server,
      models: server.services.models,
      connection: env.conn,
      queuePrefix: env.prefix,
    };
  });
}

/** Starts a thread as `viewer` with exactly `input`; the response, with `fields` of the thread. */
export function createThread(
  forum: Forum,
  viewer: Viewer | null,
  input: Record<string, unknown>,
  fields = 'id',
) {
  return forum.call(
    viewer,
    `mutation($input: CreateThreadInput!) { createThread(input: $input) { ${fields} } }`,
    { input },
  );
}

/** Creates a thread as `viewer` and returns its id (fails the test on any error). */
export async function newThread(
  forum: Forum,
  viewer: Viewer,
  input: Partial<{
    title: string;
    body: string;
    kind: string;
    tags: string[];
    categoryId: string;
  }> = {},
): Promise<string> {
  const res = await createThread(forum, viewer, {
    title: input.title ?? `Đề xuất số hóa ${uniqueName('t')}`,
    body: input.body ?? `<p>Nội dung đề xuất ${uniqueName('b')}</p>`,
    kind: input.kind ?? 'PROPOSAL',
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.categoryId ? { categoryId: input.categoryId } : {}),
  });
  if (!res.data?.createThread)
    throw new Error(`createThread failed: ${JSON.stringify(res.errors)}`);
  return res.data.createThread.id as string;
}

/** Replies as `viewer` and returns the post id. */
export async function newReply(
  forum: Forum,
  viewer: Viewer,
  threadId: string,
  body = `<p>Ý kiến ${uniqueName('r')}</p>`,
): Promise<string> {
  const res = await forum.call(
    viewer,
    'mutation($t: ID!, $b: String!) { replyToThread(threadId: $t, body: $b) { id } }',
    { t: threadId, b: body },
  );
  if (!res.data?.replyToThread) throw new Error(`reply failed: ${JSON.stringify(res.errors)}`);
  return res.data.replyToThread.id as string;
}

/** Makes these people known to the forum for a month: past the new-account period. */
export async function establishAccounts(forum: Forum, ...ids: string[]): Promise<void> {
  const long = new Date(Date.now() - 30 * 86_400_000);
  for (const id of ids)
    await forum.models.profiles.updateOne(
      { _id: id },
      {
        $setOnInsert: {
          displayName: `Người dùng ${id}`,
          email: null,
          firstSeenAt: long,
          updatedAt: long,
        },
      },
      { upsert: true },
    );
}

/** The id the graph shows for a person (`User.id`): never their identity-provider subject. */
export function publicId(subject: string): string {
  return publicUserId(subject, TEST_INTERNAL_SECRET);
}
