import { createServiceClient, ServiceCallError } from '@portal/graphql-kit';
import { stripAllTags } from '@portal/html';
import { plainText } from '@portal/text';

/** What a referral quotes from the forum. */
export interface ForumContent {
  title: string;
  /** The thread's or post's text, without markup (HTML-safe plain text, like every text here). */
  text: string;
}

export type ForumLookup =
  | { found: true; thread: ForumContent; post: ForumContent | null }
  | { found: false }
  /** The forum could not be asked (down, slow, or its schema differs). */
  | { found: null; reason: string };

export interface ForumClient {
  lookup(threadId: string, postId: string | null): Promise<ForumLookup>;
  /**
   * Which of these threads or posts the public may see (the forum answers as a service without
   * roles, so hidden and removed ones are left out); null when the forum could not be asked.
   */
  publicIds(type: 'Thread' | 'Post', ids: readonly string[]): Promise<Set<string> | null>;
}

// Entities are resolvable on every subgraph that owns them, so this needs nothing from the
// forum beyond its Thread and Post keys and the fields the contract already names.
const LOOKUP = /* GraphQL */ `
  query ReferralForumLookup($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Thread {
        id
        title
        body
      }
      ... on Post {
        id
        body
      }
    }
  }
`;

const PUBLIC_IDS = /* GraphQL */ `
  query ReferralPublicForumIds($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Thread {
        id
      }
      ... on Post {
        id
      }
    }
  }
`;

interface LookupData {
  _entities: ({ id: string; title?: string; body?: string } | null)[];
}

/** Reads a thread (and a post) from the forum subgraph as a trusted service. */
export function createForumClient(options: {
  /** The forum's `/graphql` URL. */
  url: string;
  internalTokenSecret: string;
  timeoutMs?: number;
}): ForumClient {
  const request = createServiceClient({
    target: 'forum',
    url: options.url,
    service: 'referral',
    internalTokenSecret: options.internalTokenSecret,
    timeoutMs: options.timeoutMs ?? 3000,
  });
  return {
    async lookup(threadId, postId) {
      const reps: { __typename: string; id: string }[] = [{ __typename: 'Thread', id: threadId }];
      if (postId) reps.push({ __typename: 'Post', id: postId });
      let data: LookupData;
      try {
        data = await request<LookupData>(LOOKUP, { reps });
      } catch (err) {
        if (err instanceof ServiceCallError) return { found: null, reason: err.message };
        throw err;
      }
      const [thread, post] = data._entities;
      if (!thread?.title || (postId && !post)) return { found: false };
      return {
        found: true,
        thread: { title: asText(thread.title), text: asText(thread.body ?? '') },
        post: post ? { title: asText(thread.title), text: asText(post.body ?? '') } : null,
      };
    },
    async publicIds(type, ids) {
      if (ids.length === 0) return new Set();
      const reps = ids.map((id) => ({ __typename: type, id }));
      try {
        const data = await request<LookupData>(PUBLIC_IDS, { reps });
        return new Set(data._entities.flatMap((t) => (t?.id ? [t.id] : [])));
      } catch (err) {
        if (err instanceof ServiceCallError) return null;
        throw err;
      }
    },
  };
}

/** Forum rich text as this service stores text: tags become spaces, entities become characters. */
function asText(html: string): string {
  return stripAllTags(plainText(html));
}
