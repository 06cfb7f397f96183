import { describe, expect, it } from 'vitest';
import type { AnswerTag } from './answer-tags';
import { ServedAnswers, type ServedAnswer } from './served-answers';

const T0 = 1_000_000;

function answer(body: string, tags: AnswerTag[], maxAgeSeconds = 60): ServedAnswer {
  return {
    status: 200,
    headers: [['content-type', 'application/json']],
    body: Buffer.from(body),
    cacheTime: T0,
    expiresAt: T0 + maxAgeSeconds * 1000,
    tags,
    operationName: 'HomePage',
  };
}

function following(options?: ConstructorParameters<typeof ServedAnswers>[0]): ServedAnswers {
  const served = new ServedAnswers(options);
  served.following(T0);
  return served;
}

describe('ServedAnswers, the response cache’s first level', () => {
  it('replays an answer until its max-age, then forgets it', () => {
    const served = following();
    expect(served.keep('k', answer('{"data":1}', ['e:a1']), served.mark(), T0)).toBe(true);
    served.following(T0 + 59_000);
    expect(served.get('k', T0 + 59_000)?.body.toString()).toBe('{"data":1}');
    served.following(T0 + 60_000);
    expect(served.get('k', T0 + 60_000)).toBeUndefined();
    expect(served.count).toBe(0);
  });

  it('forgets exactly the answers holding a purged tag', () => {
    const served = following();
    served.keep('articles', answer('a', ['e:a1', 't:Article']), served.mark(), T0);
    served.keep('library', answer('l', ['e:l1', 't:LibraryItem']), served.mark(), T0);
    expect(served.purge(['e:a1', 'u:Article'])).toBe(1);
    expect(served.get('articles', T0)).toBeUndefined();
    expect(served.get('library', T0)?.body.toString()).toBe('l');
  });

  it('refuses an answer computed before a purge that came in meanwhile', () => {
    const served = following();
    const mark = served.mark();
    served.purge(['e:other']);
    expect(served.keep('k', answer('stale', ['e:a1']), mark, T0)).toBe(false);
    expect(served.get('k', T0)).toBeUndefined();
    expect(served.keep('k', answer('fresh', ['e:a1']), served.mark(), T0)).toBe(true);
  });

  it('serves and keeps nothing while the graph changes are not followed', () => {
    const served = new ServedAnswers({ entries: 10, size: 10_000, followedWithinMs: 5000 });
    // Never followed: nothing is kept.
    expect(served.keep('k', answer('x', ['e:a1']), served.mark(), T0)).toBe(false);
    served.following(T0);
    expect(served.keep('k', answer('x', ['e:a1']), served.mark(), T0)).toBe(true);
    expect(served.get('k', T0 + 5000)?.body.toString()).toBe('x');
    // The follower has not read for more than five seconds (Redis away): purges may be missed.
    expect(served.get('k', T0 + 5001)).toBeUndefined();
    expect(served.keep('j', answer('y', ['e:a2']), served.mark(), T0 + 5001)).toBe(false);
  });

  it('keeps the most recently used answers within its limits of entries and size', () => {
    const served = following({ entries: 3, size: 1000, followedWithinMs: 5000 });
    for (const key of ['a', 'b', 'c']) served.keep(key, answer(key, []), served.mark(), T0);
    served.get('a', T0); // a is now the most recently used
    served.keep('d', answer('d', []), served.mark(), T0);
    expect(served.get('b', T0)).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => served.get(k, T0)?.body.toString())).toEqual(['a', 'c', 'd']);

    // By size: keys and bodies count; an answer over an eighth of the whole is not kept.
    const small = following({ entries: 100, size: 800, followedWithinMs: 5000 });
    expect(small.keep('big', answer('x'.repeat(120), []), small.mark(), T0)).toBe(false);
    for (let i = 0; i < 10; i++) small.keep(`k${i}`, answer('x'.repeat(97), []), small.mark(), T0);
    // Each takes 2 + 97 = 99: eight fit in 800.
    expect(small.count).toBe(8);
    expect(small.get('k0', T0)).toBeUndefined();
    expect(small.get('k9', T0)?.body.toString()).toHaveLength(97);
  });
});
