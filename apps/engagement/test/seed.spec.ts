import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedDemoEngagement } from '../src/demo-data';
import { dataOf, logger, useEngagement } from './support/harness';

const e = useEngagement('eng_seed');

describe('demo data', () => {
  it('creates open surveys with answers, polls on a demo article and the first forum thread, and upcoming webinars', async () => {
    await seedDemoEngagement(e.server.core, logger);

    const surveys = dataOf(
      await e.call(
        null,
        `{ surveys(status: OPEN) { totalCount nodes { title kind responseCount } } }`,
      ),
      'surveys',
    );
    expect(surveys.totalCount).toBe(4);
    const byTitle = new Map(surveys.nodes.map((s: any) => [s.title, s]));
    expect(
      byTitle.get('Khảo sát mức độ hài lòng với dịch vụ công trực tuyến năm 2026'),
    ).toMatchObject({
      kind: 'SURVEY',
      responseCount: 36,
    });
    // Results of the civil servants' survey are for editors only.
    expect(byTitle.get('Khảo sát mức độ sẵn sàng chuyển đổi số của cơ quan, đơn vị')).toMatchObject(
      {
        responseCount: null,
      },
    );

    const threadId = createHash('sha1').update('forum-seed:thread:0').digest('hex').slice(0, 24);
    const poll = await e.call(
      null,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Thread { poll { title results { responseCount } } } } }`,
      { r: [{ __typename: 'Thread', id: threadId }] },
    );
    expect(poll.data?._entities[0].poll).toEqual({
      title: 'Bạn có ủng hộ đề xuất này?',
      results: { responseCount: 25 },
    });

    // The content seed derives its articles' ids from their slugs the same way.
    const articleId = createHash('sha1')
      .update('content-seed:article:thanh-pho-dua-vao-van-hanh-kho-du-lieu-dung-chung')
      .digest('hex')
      .slice(0, 24);
    const articlePoll = await e.call(
      null,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Article { poll { kind resultsVisibility results { responseCount } } } } }`,
      { r: [{ __typename: 'Article', id: articleId }] },
    );
    expect(articlePoll.data?._entities[0].poll).toEqual({
      kind: 'POLL',
      resultsVisibility: 'LIVE',
      results: { responseCount: 12 },
    });

    const events = dataOf(
      await e.call(
        null,
        `{ events { totalCount nodes { title timeZone confirmedCount questions { votes } } } }`,
      ),
      'events',
    );
    expect(events.totalCount).toBe(2);
    expect(events.nodes[0]).toMatchObject({
      title: 'Hội thảo trực tuyến: Ứng dụng trí tuệ nhân tạo trong dịch vụ công',
      timeZone: 'Asia/Ho_Chi_Minh',
      confirmedCount: 12,
      questions: [{ votes: 5 }, { votes: 0 }],
    });

    const contests = dataOf(
      await e.call(
        null,
        `{ contests { nodes { title currentRound { kind } entries { title } } } }`,
      ),
      'contests',
    );
    expect(contests.nodes).toHaveLength(1);
    expect(contests.nodes[0].currentRound).toEqual({ kind: 'SUBMISSION' });
    expect(contests.nodes[0].entries).toHaveLength(3);
  });
});
