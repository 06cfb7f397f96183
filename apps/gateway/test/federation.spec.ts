// Federation itself, on the real subgraphs (each its own process, as production runs them)
// behind the real gateway, with the supergraph composed from their schema files: entity
// references across services, fields one subgraph adds to another's type, every subgraph's
// own authorization behind the gateway, and a subgraph going down mid-run. The fixture
// subgraphs stay for the gateway's unit-level cases (limits, identity, cache, routes).
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorCodes, gql, timeoutForProcesses } from '@portal/testing';
import { contractSource, useRealTestStack } from './support/test-gateway';

const stack = useRealTestStack('federation');

const operations = new Map(
  parse(contractSource())
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => [d.name!.value, print(d)]),
);
function op(name: string): string {
  const text = operations.get(name);
  if (!text) throw new Error(`${name} is not in the contract`);
  return text;
}

async function as(role: 'editor' | 'citizen' | 'moderator' | null, name: string, variables = {}) {
  const { graphqlUrl, personToken } = await stack();
  const bearer = role ? await personToken({ role, sub: `fed-${role}` }) : undefined;
  return gql(graphqlUrl, op(name), { variables, ...(bearer ? { bearer } : {}) });
}

async function ok(role: Parameters<typeof as>[0], name: string, variables = {}) {
  const res = await as(role, name, variables);
  if (res.errors) {
    // What the gateway logged last says why (a subgraph that timed out, refused or failed).
    const said = (await stack()).logs.filter((line) => Number(line.level) >= 40).slice(-5);
    expect(res.errors, `${name}; the gateway logged ${JSON.stringify(said)}`).toBeUndefined();
  }
  return res.data!;
}

// The first test starts all five subgraphs at once (the rest reuse them).
const allStarts = { timeout: timeoutForProcesses(5, 120_000) };

describe('the gateway over the real subgraphs', allStarts, () => {
  it('resolves a bulletin item’s article from content, and a referral’s thread from the forum', async () => {
    const created = await ok('editor', 'CreateArticle', {
      input: {
        title: 'Thành phố mở kho dữ liệu',
        body: '<p>Hơn 300 bộ dữ liệu.</p>',
        kind: 'NEWS',
      },
    });
    const article = created.createArticle;
    await ok('editor', 'PublishArticle', { id: article.id });
    const issue = (
      await ok('editor', 'CreateBulletinIssue', {
        input: { year: 2025, month: 11, title: 'Bản tin tháng 11/2025' },
      })
    ).createBulletinIssue;
    const added = await ok('editor', 'AddBulletinItem', {
      issueId: issue.id,
      section: 'Tin nổi bật',
      articleId: article.id,
    });
    expect(added.addBulletinItem.sections).toEqual([
      {
        title: 'Tin nổi bật',
        items: [{ article: { id: article.id, title: 'Thành phố mở kho dữ liệu' } }],
      },
    ]);

    const thread = (
      await ok('citizen', 'CreateThread', {
        input: {
          title: 'Đường ngập sau mưa ở Thủ Đức',
          body: '<p>Cần nạo vét cống.</p>',
          kind: 'QUESTION',
        },
      })
    ).createThread;
    const { hotlineCategories } = await ok(null, 'HotlineCategories');
    const referred = await ok('moderator', 'ReferThreadToHotline', {
      threadId: thread.id,
      categoryCode: hotlineCategories[0].code,
    });
    expect(referred.referThreadToHotline.thread).toMatchObject({
      id: thread.id,
      title: 'Đường ngập sau mưa ở Thủ Đức',
    });
    // Thread.referral is the referral subgraph's field on the forum's type.
    const page = await ok('citizen', 'ForumThread', { id: thread.id });
    expect(page.thread.referral).toEqual({
      trackingCode: referred.referThreadToHotline.trackingCode,
      status: referred.referThreadToHotline.status,
    });
  });

  it('answers the home page from every subgraph in one request', async () => {
    const HomePage = await ok('citizen', 'HomePage');
    expect(HomePage.articles.nodes.map((a: { title: string }) => a.title)).toContain(
      'Thành phố mở kho dữ liệu',
    );
    expect(HomePage).toHaveProperty('latestBulletinIssue');
    expect(HomePage).toHaveProperty('libraryItems.nodes');
    expect(HomePage).toHaveProperty('threads.nodes');
  });

  it('lets every subgraph refuse what its own rules refuse, behind the gateway', async () => {
    expect(
      errorCodes(
        await as(null, 'CreateThread', {
          input: { title: 'Ẩn danh', body: '<p>x</p>', kind: 'QUESTION' },
        }),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(
        await as('citizen', 'CreateArticle', {
          input: { title: 'Bài của người dân', body: '<p>Nội dung đầy đủ.</p>', kind: 'NEWS' },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('citizen', 'ModerationQueue'))).toEqual(['FORBIDDEN']);
  });

  it('answers an impossible DateTime written inline in the query with BAD_USER_INPUT, not an internal error', async () => {
    const { graphqlUrl, personToken } = await stack();
    const bearer = await personToken({ role: 'editor', sub: 'fed-editor' });
    const res = await gql(
      graphqlUrl,
      '{ contentStats(from: "2025-02-31T00:00:00Z", to: "2025-03-01T00:00:00Z") { totalViews } }',
      { bearer },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.message).toContain('DateTime');
  });

  it('resolves Article.poll from engagement on content’s article, through the gateway', async () => {
    const { graphqlUrl, personToken } = await stack();
    const editor = await personToken({ role: 'editor', sub: 'fed-editor' });
    const article = async (title: string) => {
      const created = (
        await ok('editor', 'CreateArticle', {
          input: { title, body: '<p>Thành phố lấy ý kiến người dân.</p>', kind: 'NEWS' },
        })
      ).createArticle;
      await ok('editor', 'PublishArticle', { id: created.id });
      return created as { id: string; slug: string };
    };
    const withPoll = await article('Người dân chọn tiện ích số ưu tiên');
    const withDraftPoll = await article('Bình chọn chưa mở');
    const without = await article('Tin không kèm bình chọn');
    const createPoll = async (articleId: string, publish: boolean) => {
      const res = await gql(
        graphqlUrl,
        `mutation($input: SurveyInput!) { createSurvey(input: $input) { id } }`,
        {
          bearer: editor,
          variables: {
            input: {
              kind: 'POLL',
              title: 'Bạn muốn dùng tiện ích nào trước?',
              attachTo: { type: 'ARTICLE', id: articleId },
              sections: [
                {
                  title: 'Bình chọn',
                  questions: [
                    {
                      type: 'SINGLE_CHOICE',
                      text: 'Tiện ích',
                      options: [{ label: 'Wi-Fi công cộng' }, { label: 'Dịch vụ công trực tuyến' }],
                    },
                  ],
                },
              ],
            },
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const id = res.data!.createSurvey.id as string;
      if (publish) {
        const published = await gql(
          graphqlUrl,
          'mutation($id: ID!) { publishSurvey(id: $id) { id } }',
          {
            bearer: editor,
            variables: { id },
          },
        );
        expect(published.errors).toBeUndefined();
      }
      return id;
    };
    const pollId = await createPoll(withPoll.id, true);
    await createPoll(withDraftPoll.id, false);

    // Content resolves the article, engagement its poll, in one request.
    const shown = (await ok(null, 'ArticlePoll', { slug: withPoll.slug })).article;
    expect(shown).toMatchObject({
      id: withPoll.id,
      title: 'Người dân chọn tiện ích số ưu tiên',
      poll: { id: pollId, title: 'Bạn muốn dùng tiện ích nào trước?', status: 'OPEN' },
    });
    const question = shown.poll.sections[0].questions[0];
    expect(question.options.map((o: { label: string }) => o.label)).toEqual([
      'Wi-Fi công cộng',
      'Dịch vụ công trực tuyến',
    ]);
    expect((await ok(null, 'ArticlePoll', { slug: without.slug })).article.poll).toBeNull();
    // A draft poll is engagement's to hide, whoever asks for the article.
    expect(
      (await ok('citizen', 'ArticlePoll', { slug: withDraftPoll.slug })).article.poll,
    ).toBeNull();

    await ok('citizen', 'SubmitSurveyResponse', {
      surveyId: pollId,
      answers: [{ questionId: question.id, optionIds: [question.options[1].id] }],
    });
    const after = (await ok('editor', 'ArticlePoll', { slug: withPoll.slug })).article.poll;
    expect(after.results.responseCount).toBe(1);
    expect(after.results.questions[0].options.map((o: { count: number }) => o.count)).toEqual([
      0, 1,
    ]);
  });

  it('answers from the subgraphs still up when one goes down, with errors for its fields only', async () => {
    const { subgraphs } = await stack();
    // An article and a thread of its own, so the page has both whatever ran before.
    const article = (
      await ok('editor', 'CreateArticle', {
        input: { title: 'Thư viện tạm ngừng', body: '<p>Bảo trì.</p>', kind: 'NEWS' },
      })
    ).createArticle;
    await ok('editor', 'PublishArticle', { id: article.id });
    await ok('citizen', 'CreateThread', {
      input: { title: 'Khi nào thư viện mở lại?', body: '<p>Xin hỏi.</p>', kind: 'QUESTION' },
    });
    await subgraphs.stop('library');
    const home = await as('citizen', 'HomePage');
    expect(home.data?.libraryItems).toBeNull();
    expect(home.data?.articles.nodes.length).toBeGreaterThan(0);
    expect(home.data?.threads.nodes.length).toBeGreaterThan(0);
    expect(home.errors?.length).toBeGreaterThan(0);
    for (const error of home.errors ?? [])
      expect(error.extensions).toMatchObject({ serviceName: 'library' });
  });
});
