// A gateway that could not read some graph changes (stopped, or left behind by a burst larger
// than the stream keeps) cannot know what they purged: it purges every cached answer.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import {
  createRedisConnection,
  graphChangesStream,
  publishGraphChanges,
  type GraphChange,
} from '@portal/queue';
import { testServices, uniqueName, waitUntil } from '@portal/testing';
import { ALL_ANSWERS, type AnswerTag } from '../src/cache/answer-tags';
import { listenToGraphChanges, type GraphChangeListener } from '../src/cache/graph-change-listener';
import { TaggedAnswerStore } from '../src/cache/tagged-answer-store';

const redis = createRedisConnection(testServices().redisUrl, 'worker');
const logger = createLogger({ service: 'missed-changes-test', level: 'silent' });
const listeners: GraphChangeListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.stop()));
});

async function setUp() {
  const prefix = uniqueName('missed');
  const stream = graphChangesStream(prefix);
  const store = new TaggedAnswerStore(redis, `${prefix}:rc:`, logger);
  const purgedTags: AnswerTag[][] = [];
  const listen = () => {
    const listener = listenToGraphChanges({
      redis,
      stream,
      store,
      positionKey: `${prefix}:rc:stream-pos`,
      logger,
      onChanges: (_changes, tags) => void purgedTags.push(tags),
    });
    listeners.push(listener);
    return listener;
  };
  const keep = async (key: string, tags: AnswerTag[]) => {
    const { seq } = await store.get(key);
    const answer = { data: { key }, cachePolicy: { maxAge: 600 }, cacheTime: Date.now() };
    expect(await store.set(key, answer, 600, seq, [ALL_ANSWERS, ...tags])).toBe(true);
  };
  const kept = async (key: string) => (await store.get(key)).answer !== null;
  const change = (n: number, type = 'Article'): GraphChange[] =>
    Array.from({ length: n }, (_, i) => ({ type, ids: [`${type}-${i}`], lists: false }));
  return { prefix, stream, listen, keep, kept, change, purgedTags };
}

/**
 * A gateway that read one change and stopped, with two answers cached since: one reading
 * articles, one reading library items.
 */
async function stoppedWithTwoAnswers() {
  const s = await setUp();
  const first = s.listen();
  await first.ready;
  await publishGraphChanges(redis, s.prefix, s.change(1));
  await waitUntil(() => s.purgedTags.length === 1, { what: 'the first change purged' });
  await first.stop();
  await s.keep('articles', ['t:Article']);
  await s.keep('library', ['t:LibraryItem']);
  return s;
}

describe('graph changes a gateway missed', () => {
  it('purge every cached answer when the stream dropped them before this gateway read them', async () => {
    const s = await stoppedWithTwoAnswers();
    // While it was away: a change to the library, then a burst that pushed it out of the stream.
    await publishGraphChanges(redis, s.prefix, s.change(1, 'LibraryItem'));
    await publishGraphChanges(redis, s.prefix, s.change(10));
    await redis.xtrim(s.stream, 'MAXLEN', 3);
    s.listen();
    await waitUntil(async () => !(await s.kept('library')), { what: 'the library answer purged' });
    expect(await s.kept('articles')).toBe(false);
    expect(s.purgedTags.some((tags) => tags.includes(ALL_ANSWERS))).toBe(true);
  });

  it('purge only what the changes hold when none was missed', async () => {
    const s = await stoppedWithTwoAnswers();
    await publishGraphChanges(redis, s.prefix, [{ type: 'LibraryItem', ids: [], lists: true }]);
    s.listen();
    await waitUntil(async () => !(await s.kept('library')), { what: 'the library answer purged' });
    expect(await s.kept('articles')).toBe(true);
    expect(s.purgedTags.flat()).not.toContain(ALL_ANSWERS);
  });
});
