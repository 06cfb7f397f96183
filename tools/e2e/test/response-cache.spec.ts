// The gateway's response cache on the real graph: every public operation of the contract is
// answered cacheable to anonymous readers (and then served from the cache), never to people
// signed in; a tracking-code lookup (a secret per code, counted per address) is never cached;
// and a change (an editor's, or a job's) reaches anonymous readers within seconds, because it
// purges the cached answers that hold it.
import { describe, expect, it } from 'vitest';
import { gql } from '@portal/testing';
import { attempt, graphUrl, person, run, waitUntil } from './support/portal';

/** A query or mutation outside the contract, as `caller`; fails on errors. */
async function gqlAs(
  caller: { bearer?: string },
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, any>> {
  const res = await gql(graphUrl, query, { variables, bearer: caller.bearer });
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

let operations: Promise<[string, Record<string, unknown>][]> | undefined;

/** Variables for each public contract operation, read from the demo data (once). */
function publicOperations(): Promise<[string, Record<string, unknown>][]> {
  return (operations ??= readPublicOperations());
}

async function readPublicOperations(): Promise<[string, Record<string, unknown>][]> {
  const home = await run('HomePage');
  const article = home.articles.nodes[0];
  const item = home.libraryItems.nodes[0];
  const thread = home.threads.nodes[0];
  const issue = home.latestBulletinIssue;
  expect(article && item && thread && issue).toBeTruthy();
  return [
    ['HomePage', {}],
    ['ArticlePage', { slug: article.slug }],
    ['SearchArticles', { q: 'chuyen doi so' }],
    ['LibraryBrowse', {}],
    ['LibraryItemPage', { slug: item.slug }],
    ['ForumThreads', {}],
    ['ForumThread', { id: thread.id }],
    ['LatestBulletin', {}],
    ['BulletinArchive', { year: issue.year }],
    ['HotlineCategories', {}],
  ];
}

function maxAgeOf(cacheControl: string | null): number {
  return Number(/max-age=(\d+)/.exec(cacheControl ?? '')?.[1] ?? 0);
}

/** Waits until anonymous readers see what `seen` looks for: at most 5 s after the change. */
function visibleWithin5s<T>(what: string, seen: () => Promise<T | null | undefined | false>) {
  return waitUntil(seen, { what, timeoutMs: 5000, intervalMs: 100 });
}

describe('response cache on the real graph', () => {
  it('answers every public contract operation cacheable to anonymous readers, and serves repeats from the cache', async () => {
    const problems: string[] = [];
    for (const [name, variables] of await publicOperations()) {
      const first = await attempt(name, variables);
      expect(first.errors, name).toBeUndefined();
      const cacheControl = first.headers.get('cache-control');
      if (!/^max-age=\d+, public$/.test(cacheControl ?? '') || maxAgeOf(cacheControl) <= 0)
        problems.push(`${name}: cache-control ${cacheControl}`);
      const second = await attempt(name, variables);
      expect(second.data, name).toEqual(first.data);
      if (!/^\d+$/.test(second.headers.get('age') ?? ''))
        problems.push(`${name}: repeat not served from the cache`);
    }
    expect(problems).toEqual([]);
  });

  it('never caches a tracking-code lookup: the code is a secret, and each lookup is counted', async () => {
    const { submitFeedback } = await run('SubmitFeedback', {
      input: {
        subject: 'Mất điện ở ngã tư Hàng Xanh',
        body: 'Khu vực ngã tư Hàng Xanh mất điện từ sáng nay.',
        categoryCode: 'DIEN',
        contactEmail: 'cong.dan.hang.xanh@example.vn',
      },
    });
    const variables = { code: submitFeedback.trackingCode };
    for (let i = 0; i < 2; i++) {
      let res = await attempt('TrackReferral', variables);
      // This address may have used up its lookups in another file on the same stack: the
      // limit says when to come back, and a refusal would prove nothing about the cache.
      const retryAfter = res.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED')?.extensions
        ?.retryAfter;
      if (retryAfter !== undefined) {
        await new Promise((r) => setTimeout(r, (Number(retryAfter) + 1) * 1000));
        res = await attempt('TrackReferral', variables);
      }
      expect(res.errors).toBeUndefined();
      expect(res.data?.referralByTrackingCode.trackingCode).toBe(submitFeedback.trackingCode);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('age')).toBeNull();
    }
  }, 150_000);

  it('answers people no-store and never from the cache', async () => {
    const citizen = await person('citizen');
    for (const [name, variables] of await publicOperations()) {
      await attempt(name, variables); // fills the anonymous cache
      const res = await attempt(name, variables, citizen);
      expect(res.errors, name).toBeUndefined();
      expect(res.headers.get('cache-control'), name).toBe('no-store');
      expect(res.headers.get('age'), name).toBeNull();
    }
  });

  it('shows a published, updated, archived or scheduled article to anonymous readers within 5 s', async () => {
    const editor = await person('editor');
    const homeNews = async () =>
      (await run('HomePage')).articles.nodes.map((a: { id: string; title: string }) => a);
    await homeNews(); // cached now
    const { createArticle } = await run(
      'CreateArticle',
      {
        input: {
          title: `Thành phố mở cổng dữ liệu mở ${Date.now()}`,
          body: '<p>Cổng dữ liệu mở của thành phố chính thức hoạt động.</p>',
          kind: 'NEWS',
        },
      },
      editor,
    );
    await run('PublishArticle', { id: createArticle.id }, editor);
    await visibleWithin5s('the published article on the home page', async () =>
      (await homeNews()).some((a: { id: string }) => a.id === createArticle.id),
    );

    const { slug } = createArticle;
    const page = async () => (await run('ArticlePage', { slug })).article;
    expect((await page()).id).toBe(createArticle.id);
    const version = (
      await gqlAs(editor, 'query V($id: ID!) { article(id: $id) { version } }', {
        id: createArticle.id,
      })
    ).article.version;
    await run(
      'UpdateArticle',
      {
        id: createArticle.id,
        input: { title: 'Cổng dữ liệu mở: tiêu đề mới' },
        expectedVersion: version,
      },
      editor,
    );
    await visibleWithin5s(
      'the new title on the article page and the home page',
      async () =>
        (await page())?.title === 'Cổng dữ liệu mở: tiêu đề mới' &&
        (await homeNews()).some(
          (a: { title: string }) => a.title === 'Cổng dữ liệu mở: tiêu đề mới',
        ),
    );

    await gqlAs(editor, 'mutation A($id: ID!) { archiveArticle(id: $id) { id } }', {
      id: createArticle.id,
    });
    await visibleWithin5s(
      'the archived article gone',
      async () =>
        (await page()) === null &&
        !(await homeNews()).some((a: { id: string }) => a.id === createArticle.id),
    );

    // Scheduled: the content worker publishes it at its time (a job, not a request).
    const scheduled = (
      await run(
        'CreateArticle',
        {
          input: {
            title: `Lịch tiếp công dân trực tuyến ${Date.now()}`,
            body: '<p>Lịch tiếp công dân trực tuyến tháng này.</p>',
            kind: 'NEWS',
          },
        },
        editor,
      )
    ).createArticle;
    const at = new Date(Date.now() + 3000);
    await run('PublishArticle', { id: scheduled.id, at: at.toISOString() }, editor);
    expect((await homeNews()).some((a: { id: string }) => a.id === scheduled.id)).toBe(false);
    await waitUntil(
      async () => (await homeNews()).some((a: { id: string }) => a.id === scheduled.id),
      {
        what: 'the scheduled article within 5 s of its time',
        timeoutMs: at.getTime() - Date.now() + 5000,
        intervalMs: 100,
      },
    );
  });

  it('drops a thread a moderator hides from the anonymous forum list within 5 s', async () => {
    const citizen = await person('citizen');
    const moderator = await person('moderator');
    const { createThread } = await run(
      'CreateThread',
      {
        input: {
          title: `Đề xuất số hoá hồ sơ đất đai ${Date.now()}`,
          body: 'Đề xuất số hoá toàn bộ hồ sơ đất đai của quận.',
          kind: 'PROPOSAL',
        },
      },
      citizen,
    );
    const listed = async () =>
      (await run('ForumThreads')).threads.nodes.some(
        (t: { id: string }) => t.id === createThread.id,
      );
    await visibleWithin5s('the new thread in the list', listed);
    await run('ModerateContent', { targetId: createThread.id, action: 'HIDE' }, moderator);
    await visibleWithin5s('the hidden thread gone from the list', async () => !(await listed()));
  });
});
