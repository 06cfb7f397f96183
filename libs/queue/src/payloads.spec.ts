import { describe, expect, it } from 'vitest';
import { forumEventPayload } from './payloads';

describe('forum-events payloads', () => {
  it('accepts answer.posted with object ids only', () => {
    const ok = { type: 'answer.posted', threadId: 'a'.repeat(24), postId: 'b'.repeat(24) };
    expect(forumEventPayload.parse(ok)).toEqual(ok);
    expect(forumEventPayload.safeParse({ ...ok, postId: 'nope' }).success).toBe(false);
  });
});
