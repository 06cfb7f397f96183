import { describe, expect, it, vi } from 'vitest';
import { XSS_PAYLOADS, looksExecutable } from '@portal/testing';
import { errorCodes, gql, internalTokenFor, testViewer } from '@portal/testing';
import { ADD_ITEM, CREATE_ISSUE, articleId, issueWithItems, useBulletin } from './support/harness';

const b = useBulletin('issues');

const ISSUE_FIELDS = /* GraphQL */ `
  id number year month title editorial status version
  sections { title items { id note order article { id } } }
`;

async function createIssue(year: number, month: number, title = `Bản tin ${month}/${year}`) {
  const res = await b.as('editor', CREATE_ISSUE, { variables: { input: { year, month, title } } });
  expect(res.errors).toBeUndefined();
  return res.data!.createBulletinIssue as { id: string; number: number; status: string };
}

describe('creating issues', () => {
  it('numbers issues in sequence and allows one issue per month', async () => {
    const first = await createIssue(2024, 1);
    const second = await createIssue(2024, 2);
    expect(first.status).toBe('DRAFT');
    expect(second.number).toBe(first.number + 1);

    const again = await b.as('editor', CREATE_ISSUE, {
      variables: { input: { year: 2024, month: 1, title: 'Bản tin thứ hai cùng tháng' } },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(await b.models.issues.countDocuments({ year: 2024, month: 1 })).toBe(1);
  });

  it('gives concurrent creations distinct consecutive numbers', async () => {
    const before = (await b.models.issues.findOne().sort({ number: -1 }).lean())?.number ?? 0;
    const created = await Promise.all([3, 4, 5, 6, 7].map((m) => createIssue(2024, m)));
    expect(created.map((c) => c.number).sort((x, y) => x - y)).toEqual(
      [1, 2, 3, 4, 5].map((n) => before + n),
    );
  });

  it('names every bad field', async () => {
    const res = await b.as('editor', CREATE_ISSUE, {
      variables: { input: { year: 1999, month: 13, title: 'x' } },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field)).toEqual([
      'input.year',
      'input.month',
      'input.title',
    ]);
  });

  it('keeps the title, section names and notes as plain text (no markup, no control characters)', async () => {
    const created = await b.as('editor', CREATE_ISSUE, {
      variables: {
        input: {
          year: 2023,
          month: 11,
          title: 'Bản tin <script>alert(1)</script>tháng 11 <img src=x onerror=alert(2)>\u202E',
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createBulletinIssue.id as string;
    const article = b.content.add({ title: 'Bài' });
    const added = await b.as('editor', ADD_ITEM, {
      variables: {
        issueId: id,
        section: 'Tin <b onclick="x()">nổi bật</b>\u0000',
        articleId: article.id,
        note: '<iframe src="//x"></iframe>Ghi chú\u001b[31m',
      },
    });
    expect(added.errors).toBeUndefined();
    const issue = await b.as(
      'editor',
      `query($id: ID!) { bulletinIssue(id: $id) { ${ISSUE_FIELDS} } }`,
      {
        variables: { id },
      },
    );
    expect(issue.data!.bulletinIssue.title).toBe('Bản tin tháng 11');
    expect(issue.data!.bulletinIssue.sections[0].title).toBe('Tin nổi bật');
    expect(issue.data!.bulletinIssue.sections[0].items[0].note).toBe('Ghi chú[31m');
  });

  it('sanitizes the editorial', async () => {
    for (const [i, payload] of XSS_PAYLOADS.slice(0, 10).entries()) {
      const res = await b.as(
        'editor',
        /* GraphQL */ `
          mutation ($input: CreateBulletinIssueInput!) {
            createBulletinIssue(input: $input) {
              editorial
            }
          }
        `,
        {
          variables: {
            input: {
              year: 2030,
              month: i + 1,
              title: 'Kiểm tra XSS',
              editorial: `<p>Xin chào</p>${payload}`,
            },
          },
        },
      );
      expect(res.errors).toBeUndefined();
      expect(looksExecutable(res.data!.createBulletinIssue.editorial ?? '')).toBe(false);
    }
  });

  it('refuses every role but editors and admins, and the anonymous public', async () => {
    const issue = await createIssue(2024, 8);
    const article = b.content.add({ title: 'Bài' });
    const attempts = [
      [CREATE_ISSUE, { input: { year: 2024, month: 9, title: 'Không được phép' } }],
      [ADD_ITEM, { issueId: issue.id, section: 'Tin', articleId: article.id }],
      [`mutation($id: ID!) { publishBulletinIssueNow(id: $id) { id } }`, { id: issue.id }],
      [
        `mutation($id: ID!, $at: DateTime!) { scheduleBulletinIssue(id: $id, at: $at) { id } }`,
        { id: issue.id, at: new Date(Date.now() + 3600_000).toISOString() },
      ],
      [`{ bulletinSubscriptionStats { confirmed } }`, {}],
    ] as const;
    for (const [query, variables] of attempts) {
      expect(errorCodes(await b.as('anonymous', query, { variables }))).toEqual([
        'UNAUTHENTICATED',
      ]);
      for (const role of ['citizen', 'contributor', 'moderator', 'officer'] as const)
        expect(errorCodes(await b.as(role, query, { variables })), `${role}: ${query}`).toEqual([
          'FORBIDDEN',
        ]);
    }
    const forged = await internalTokenFor(testViewer('editor'), { secret: 'x'.repeat(40) });
    expect(
      errorCodes(
        await gql(b.graphqlUrl, CREATE_ISSUE, { internalToken: forged, variables: attempts[0][1] }),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    const admin = await b.as('admin', CREATE_ISSUE, { variables: attempts[0][1] });
    expect(admin.errors).toBeUndefined();
  });

  it('updates with optimistic concurrency', async () => {
    const issue = await createIssue(2024, 10);
    const update = `mutation($id: ID!, $v: Int!, $input: UpdateBulletinIssueInput!) {
      updateBulletinIssue(id: $id, input: $input, expectedVersion: $v) { title version }
    }`;
    const ok = await b.as('editor', update, {
      variables: { id: issue.id, v: 1, input: { title: 'Tên mới của bản tin' } },
    });
    expect(ok.data?.updateBulletinIssue).toEqual({ title: 'Tên mới của bản tin', version: 2 });
    const stale = await b.as('editor', update, {
      variables: { id: issue.id, v: 1, input: { title: 'Tên cũ hơn' } },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect((await b.models.issues.findById(issue.id).lean())!.title).toBe('Tên mới của bản tin');
  });
});

describe('items', () => {
  it('accepts published articles only, once per issue, in section order', async () => {
    const issue = await createIssue(2025, 1);
    const policy = b.content.add({ title: 'Chính sách', summary: 'Tóm tắt' });
    const event = b.content.add({ title: 'Sự kiện' });
    const policy2 = b.content.add({ title: 'Chính sách 2' });
    const draft = b.content.add({ title: 'Bản nháp', status: 'DRAFT' });

    for (const [section, a] of [
      ['Chính sách', policy],
      ['Sự kiện', event],
      ['chính sách', policy2],
    ] as const) {
      const res = await b.as('editor', ADD_ITEM, {
        variables: { issueId: issue.id, section, articleId: a.id, note: 'Ghi chú' },
      });
      expect(res.errors).toBeUndefined();
    }
    const last = await b.as(
      'editor',
      `query($id: ID) { bulletinIssue(id: $id) { ${ISSUE_FIELDS} } }`,
      { variables: { id: issue.id } },
    );
    expect(last.data!.bulletinIssue.sections).toEqual([
      {
        title: 'Chính sách',
        items: [
          expect.objectContaining({ order: 1, note: 'Ghi chú', article: { id: policy.id } }),
          expect.objectContaining({ order: 2, article: { id: policy2.id } }),
        ],
      },
      {
        title: 'Sự kiện',
        items: [expect.objectContaining({ order: 1, article: { id: event.id } })],
      },
    ]);

    const drafted = await b.as('editor', ADD_ITEM, {
      variables: { issueId: issue.id, section: 'Tin', articleId: draft.id },
    });
    expect(errorCodes(drafted)).toEqual(['BAD_USER_INPUT']);
    expect(drafted.errors![0]!.extensions!.fields).toEqual([
      { field: 'articleId', message: 'is not a published article' },
    ]);
    const unknown = await b.as('editor', ADD_ITEM, {
      variables: { issueId: issue.id, section: 'Tin', articleId: articleId() },
    });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    const twice = await b.as('editor', ADD_ITEM, {
      variables: { issueId: issue.id, section: 'Khác', articleId: event.id },
    });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    const missingIssue = await b.as('editor', ADD_ITEM, {
      variables: { issueId: 'f'.repeat(24), section: 'Tin', articleId: event.id },
    });
    expect(errorCodes(missingIssue)).toEqual(['NOT_FOUND']);
    expect(await b.models.items.countDocuments({ issueId: issue.id })).toBe(3);

    const itemId = last.data!.bulletinIssue.sections[1].items[0].id;
    const removed = await b.as(
      'editor',
      `mutation($i: ID!, $t: ID!) { removeBulletinItem(issueId: $i, itemId: $t) { sections { title } } }`,
      {
        variables: { i: issue.id, t: itemId },
      },
    );
    expect(removed.data!.removeBulletinItem.sections).toEqual([{ title: 'Chính sách' }]);
  });
});

describe('reading', () => {
  it('shows the public published issues only, newest first, by id or by month', async () => {
    const published = await issueWithItems(b, 2026, 3, { Tin: [{ title: 'Một bài' }] });
    const older = await issueWithItems(b, 2026, 1, { Tin: [{ title: 'Bài cũ' }] });
    await b.models.issues.updateMany(
      { _id: { $in: [published.id, older.id] } },
      { $set: { status: 'PUBLISHED', publishedAt: new Date() } },
    );
    const draft = await createIssue(2026, 5);

    const byId = `query($id: ID) { bulletinIssue(id: $id) { id status } }`;
    expect(
      (await b.as('anonymous', byId, { variables: { id: draft.id } })).data!.bulletinIssue,
    ).toBeNull();
    expect(
      (await b.as('citizen', byId, { variables: { id: draft.id } })).data!.bulletinIssue,
    ).toBeNull();
    expect(
      (await b.as('editor', byId, { variables: { id: draft.id } })).data!.bulletinIssue,
    ).toEqual({ id: draft.id, status: 'DRAFT' });
    const byMonth = await b.as('anonymous', `{ bulletinIssue(year: 2026, month: 3) { id } }`);
    expect(byMonth.data!.bulletinIssue).toEqual({ id: published.id });
    expect(errorCodes(await b.as('anonymous', `{ bulletinIssue(year: 2026) { id } }`))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const archive = /* GraphQL */ `
      query BulletinArchive($year: Int) {
        bulletinIssues(first: 24, filter: { year: $year }) {
          nodes {
            id
            number
            year
            month
            title
            publishedAt
          }
          totalCount
        }
      }
    `;
    const res = await b.as('anonymous', archive, { variables: { year: 2026 } });
    expect(res.data!.bulletinIssues.nodes.map((n: { month: number }) => n.month)).toEqual([3, 1]);
    expect(res.data!.bulletinIssues.totalCount).toBe(2);

    const latest = await b.as('anonymous', `{ latestBulletinIssue { id } }`);
    expect(latest.data!.latestBulletinIssue).toEqual({ id: published.id });

    const drafts = `{ bulletinIssues(filter: { status: DRAFT }) { nodes { id } } }`;
    expect(errorCodes(await b.as('citizen', drafts))).toEqual(['FORBIDDEN']);
    const editorDrafts = await b.as('editor', drafts);
    expect(editorDrafts.data!.bulletinIssues.nodes).toContainEqual({ id: draft.id });
  });

  it('pages through issues with cursors, without overlaps', async () => {
    const page = `query($after: String) { bulletinIssues(first: 2, after: $after, filter: { status: DRAFT }) {
      nodes { id year month } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res = await b.as('editor', page, { variables: { after } });
      const conn = res.data!.bulletinIssues;
      seen.push(...conn.nodes.map((n: { id: string }) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await b.models.issues.countDocuments({ status: 'DRAFT' }));
    expect(errorCodes(await b.as('editor', page, { variables: { after: 'garbage' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('resolves N issue references with one database query', async () => {
    const issues = await b.models.issues.find({ status: 'PUBLISHED' }).lean();
    expect(issues.length).toBeGreaterThanOrEqual(2);
    const draft = await b.models.issues.findOne({ status: 'DRAFT' }).lean();
    const find = vi.spyOn(b.models.issues, 'find');
    const res = await b.as(
      'anonymous',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on BulletinIssue { id title } } }`,
      {
        variables: {
          r: [
            ...issues.map((i) => i._id.toHexString()),
            draft!._id.toHexString(),
            'f'.repeat(24),
          ].map((id) => ({
            __typename: 'BulletinIssue',
            id,
          })),
        },
      },
    );
    expect(find).toHaveBeenCalledTimes(1);
    find.mockRestore();
    const entities = res.data!._entities as ({ id: string } | null)[];
    expect(entities.slice(0, issues.length).map((e) => e?.id)).toEqual(
      issues.map((i) => i._id.toHexString()),
    );
    // The public never sees a draft through a reference either.
    expect(entities.slice(issues.length)).toEqual([null, null]);
  });
});

describe('content outage', () => {
  it('answers a clear error, and stores nothing, when content is unreachable', async () => {
    const issue = await createIssue(2025, 2);
    const a = b.content.add({ title: 'Bài' });
    // The content subgraph goes away for real (this is the file's last test).
    await b.content.close();
    const res = await b.as('editor', ADD_ITEM, {
      variables: { issueId: issue.id, section: 'Tin', articleId: a.id },
    });
    expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(res.errors![0]!.message).toMatch(/content service could not be reached/);
    expect(await b.models.items.countDocuments({ issueId: issue.id })).toBe(0);
  });
});
