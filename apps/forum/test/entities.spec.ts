import { describe, expect, it } from 'vitest';
import { testViewer } from '@portal/testing';
import { newReply, newThread, publicId, useForum } from './forum-harness';

const forum = useForum('forum_entities');
const people = ['e1', 'e2', 'e3'].map((id, i) =>
  testViewer('citizen', {
    id,
    displayName: ['Hội Tin học TP.HCM', 'Công ty Sài Gòn Số', 'Bà Lê Thị Mai'][i],
  }),
);

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Thread { id title author { displayName } }
  ... on Post { id body thread { id } }
  ... on User { id displayName }
} }`;

describe('entity references', () => {
  it('resolves N threads with one query, null for unknown ids', async () => {
    const ids = [];
    for (const p of people) ids.push(await newThread(forum, p));
    forum.commands.length = 0;
    const res = await forum.call(null, ENTITIES, {
      r: [...ids, 'a'.repeat(24), 'not-an-id'].map((id) => ({ __typename: 'Thread', id })),
    });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!._entities;
    expect(nodes.slice(0, 3).map((n: { id: string }) => n.id)).toEqual(ids);
    expect(nodes[2].author.displayName).toBe('Bà Lê Thị Mai');
    expect(nodes.slice(3)).toEqual([null, null]);
    expect(forum.commands.filter((c) => c === 'find threads')).toHaveLength(1);
    expect(forum.commands.filter((c) => c === 'find profiles')).toHaveLength(1);
  });

  it('resolves N posts and their threads with one query each', async () => {
    const threadId = await newThread(forum, people[0]!);
    const posts = [];
    for (const p of people) posts.push(await newReply(forum, p, threadId));
    forum.commands.length = 0;
    const res = await forum.call(null, ENTITIES, {
      r: posts.map((id) => ({ __typename: 'Post', id })),
    });
    expect(
      res.data!._entities.map((n: { id: string; thread: { id: string } }) => [n.id, n.thread.id]),
    ).toEqual(posts.map((id) => [id, threadId]));
    expect(forum.commands.filter((c) => c === 'find posts')).toHaveLength(1);
    expect(forum.commands.filter((c) => c === 'find threads')).toHaveLength(1);
  });

  it('resolves N users by their public ids with one query, never by subject', async () => {
    const reps = people.map((p) => ({ __typename: 'User', id: publicId(p.id!) }));
    // The first lookup stores the public ids of profiles that have none yet.
    await forum.call(null, ENTITIES, { r: reps });
    forum.commands.length = 0;
    const res = await forum.call(null, ENTITIES, { r: reps });
    expect(res.data!._entities).toEqual([
      { id: publicId('e1'), displayName: 'Hội Tin học TP.HCM' },
      { id: publicId('e2'), displayName: 'Công ty Sài Gòn Số' },
      { id: publicId('e3'), displayName: 'Bà Lê Thị Mai' },
    ]);
    expect(forum.commands.filter((c) => c === 'find profiles')).toHaveLength(1);
    // Unknown ids, and subjects (which are not keys), find nobody.
    const unknown = await forum.call(null, ENTITIES, {
      r: [
        { __typename: 'User', id: publicId('nobody') },
        ...people.map((p) => ({ __typename: 'User', id: p.id })),
      ],
    });
    expect(unknown.data!._entities).toEqual([null, null, null, null]);
  });

  it('never exposes e-mail addresses in the schema', async () => {
    const res = await forum.call(null, '{ __type(name: "User") { fields { name } } }');
    expect(res.data!.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'displayName',
      'id',
    ]);
  });
});
