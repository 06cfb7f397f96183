import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  Kind,
  parse,
  print,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER, isRole } from '@portal/auth';
import { loadSchemaFile } from '@portal/graphql-kit';
import { contractDocument } from '@portal/local-services';
import { errorCodes, gql, internalTokenFor, testViewer, waitUntil } from '@portal/testing';
import { useBulletin } from './support/harness';

const b = useBulletin('federation', { worker: true });

const contract = contractDocument();
const operations = new Map(
  contract.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => [d.name!.value, d]),
);

/** An operation of the contract, exactly as written. */
function op(name: string): string {
  const definition = operations.get(name);
  if (!definition) throw new Error(`${name} is not in the contract`);
  return print(definition);
}

/** HomePage's bulletin part, exactly as written (the rest belongs to other subgraphs). */
function homePageBulletinPart(): string {
  const home = operations.get('HomePage')!;
  const field = home.selectionSet.selections.find(
    (s) => s.kind === Kind.FIELD && s.name.value === 'latestBulletinIssue',
  )!;
  return print({ ...home, selectionSet: { ...home.selectionSet, selections: [field] } });
}

const BULLETIN_OPERATIONS = [
  'LatestBulletin',
  'BulletinArchive',
  'SubscribeBulletin',
  'CreateBulletinIssue',
  'AddBulletinItem',
  'ScheduleBulletinIssue',
  'PublishBulletinIssueNow',
];

let apiSchema: GraphQLSchema;
let gatewayUrl: string;
let stopGateway: () => Promise<void>;

beforeAll(async () => {
  const composed = composeServices([
    {
      name: 'bulletin',
      url: b.graphqlUrl,
      typeDefs: loadSchemaFile(join(import.meta.dirname, '../schema.graphql')),
    },
    {
      name: 'content',
      url: b.content.graphqlUrl,
      typeDefs: loadSchemaFile(b.content.schemaPath),
    },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  apiSchema = composed.schema.toAPISchema().toGraphQLJSSchema();

  // A gateway like the portal's: it signs the viewer into the internal token for each subgraph.
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<{ token: string }>({
        url,
        willSendRequest({ request, context }) {
          request.http!.headers.set(INTERNAL_TOKEN_HEADER, context.token);
        },
      }),
  });
  const server = new ApolloServer<{ token: string }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const role = String(req.headers['x-test-role'] ?? '');
      const viewer = isRole(role) ? testViewer(role) : ANONYMOUS;
      return { token: await internalTokenFor(viewer) };
    },
  });
  gatewayUrl = url;
  stopGateway = () => server.stop();
});
afterAll(() => stopGateway?.());

const viaGateway = (role: string | null, query: string, variables?: Record<string, unknown>) =>
  gql(gatewayUrl, query, { variables, headers: role ? { 'x-test-role': role } : {} });

function validateAgainstSupergraph(document: DocumentNode, schema = apiSchema) {
  return validate(schema, document).map((e) => e.message);
}

describe('the bulletin in the federated graph', () => {
  it("composes with content's real schema and validates every bulletin operation of the contract", () => {
    // The real subgraph's schema file, as `npm run compose` reads it (the fixture that serves
    // the end-to-end tests below only stands in for it at run time).
    const composed = composeServices(
      ['bulletin', 'content'].map((name) => ({
        name,
        url: `http://${name}.invalid/graphql`,
        typeDefs: loadSchemaFile(join(import.meta.dirname, `../../${name}/schema.graphql`)),
      })),
    );
    expect(composed.errors?.map((e) => e.message)).toBeUndefined();
    const real = composed.schema!.toAPISchema().toGraphQLJSSchema();
    for (const name of BULLETIN_OPERATIONS)
      expect(validateAgainstSupergraph(parse(op(name)), real), name).toEqual([]);
    expect(validateAgainstSupergraph(parse(homePageBulletinPart()), real)).toEqual([]);
    // And the fixture agrees with it, so the end-to-end tests exercise the real shape.
    for (const name of BULLETIN_OPERATIONS)
      expect(validateAgainstSupergraph(parse(op(name))), name).toEqual([]);
  });

  it('serves the contract operations end to end through a gateway', async () => {
    const policy = b.content.add({
      title: 'Thành phố công bố kho dữ liệu mở',
      summary: 'Hơn 300 bộ dữ liệu.',
    });
    const handbook = b.content.add({ title: 'Cẩm nang chữ ký số' });
    const draft = b.content.add({ title: 'Chưa xuất bản', status: 'DRAFT' });

    const created = await viaGateway('editor', op('CreateBulletinIssue'), {
      input: {
        year: 2025,
        month: 11,
        title: 'Bản tin Chuyển đổi số tháng 11/2025',
        editorial: '<p>Kính gửi quý lãnh đạo.</p>',
      },
    });
    expect(created.errors).toBeUndefined();
    const issue = created.data!.createBulletinIssue;
    expect(issue).toMatchObject({ status: 'DRAFT', number: expect.any(Number) });

    const added = await viaGateway('editor', op('AddBulletinItem'), {
      issueId: issue.id,
      section: 'Dữ liệu',
      articleId: policy.id,
      note: 'Mời quý vị tham khảo',
    });
    expect(added.errors).toBeUndefined();
    await viaGateway('editor', op('AddBulletinItem'), {
      issueId: issue.id,
      section: 'Cẩm nang',
      articleId: handbook.id,
    });
    // Content resolves the article through the graph.
    const again = await viaGateway('editor', op('AddBulletinItem'), {
      issueId: issue.id,
      section: 'Cẩm nang',
      articleId: draft.id,
    });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(added.data!.addBulletinItem.sections).toEqual([
      { title: 'Dữ liệu', items: [{ article: { id: policy.id, title: policy.title } }] },
    ]);
    expect(
      errorCodes(
        await viaGateway(null, op('CreateBulletinIssue'), {
          input: { year: 2025, month: 12, title: 'Không' },
        }),
      ),
    ).toEqual(['UNAUTHENTICATED']);

    const at = new Date(Date.now() + 1000).toISOString();
    const scheduled = await viaGateway('editor', op('ScheduleBulletinIssue'), { id: issue.id, at });
    expect(scheduled.data!.scheduleBulletinIssue).toEqual({
      id: issue.id,
      status: 'SCHEDULED',
      scheduledAt: at,
    });

    const latest = await waitUntil(
      async () => {
        const res = await viaGateway(null, op('LatestBulletin'));
        return res.data?.latestBulletinIssue?.readAloud?.audioUrl ? res : null;
      },
      { what: 'the issue to be published with audio', timeoutMs: 60_000 },
    );
    expect(latest.errors).toBeUndefined();
    expect(latest.data!.latestBulletinIssue).toMatchObject({
      id: issue.id,
      year: 2025,
      month: 11,
      editorial: '<p>Kính gửi quý lãnh đạo.</p>',
      publishedAt: expect.any(String),
      readAloud: { language: 'vi', audioUrl: expect.stringMatching(/\/audio\/[a-f0-9]{24}\.mp3$/) },
      sections: [
        {
          title: 'Dữ liệu',
          items: [
            {
              note: 'Mời quý vị tham khảo',
              article: {
                id: policy.id,
                slug: policy.slug,
                title: policy.title,
                summary: policy.summary,
              },
            },
          ],
        },
        {
          title: 'Cẩm nang',
          items: [
            {
              note: null,
              article: {
                id: handbook.id,
                slug: handbook.slug,
                title: handbook.title,
                summary: null,
              },
            },
          ],
        },
      ],
    });

    const home = await viaGateway(null, homePageBulletinPart());
    expect(home.errors).toBeUndefined();
    expect(home.data!.latestBulletinIssue).toMatchObject({
      id: issue.id,
      number: issue.number,
      readAloud: { durationSeconds: expect.any(Number) },
      sections: [
        { items: [{ article: { slug: policy.slug } }] },
        { items: [{ article: { title: handbook.title } }] },
      ],
    });

    const archive = await viaGateway(null, op('BulletinArchive'), { year: 2025 });
    expect(archive.data!.bulletinIssues).toEqual({
      nodes: [
        {
          id: issue.id,
          number: issue.number,
          year: 2025,
          month: 11,
          title: 'Bản tin Chuyển đổi số tháng 11/2025',
          publishedAt: expect.any(String),
        },
      ],
      totalCount: 1,
    });

    const subscribed = await viaGateway(null, op('SubscribeBulletin'), {
      email: 'lanh.dao@example.vn',
    });
    expect(subscribed.data).toEqual({ subscribeToBulletin: true });
  });

  it('publishes now through the gateway', async () => {
    const a = b.content.add({ title: 'Tin tháng mười' });
    const created = await viaGateway('editor', op('CreateBulletinIssue'), {
      input: { year: 2025, month: 10, title: 'Bản tin tháng 10/2025' },
    });
    const id = created.data!.createBulletinIssue.id;
    await viaGateway('editor', op('AddBulletinItem'), {
      issueId: id,
      section: 'Tin',
      articleId: a.id,
    });
    const now = await viaGateway('editor', op('PublishBulletinIssueNow'), { id });
    // Answered as the issue stands once its job is queued: SCHEDULED, or PUBLISHED when the
    // worker ran the job first (seen on a busy machine).
    expect(now.data!.publishBulletinIssueNow).toEqual({
      id,
      status: expect.stringMatching(/^(SCHEDULED|PUBLISHED)$/),
    });
    await waitUntil(
      async () => (await b.models.issues.findById(id).lean())?.status === 'PUBLISHED',
      {
        what: 'publish now',
      },
    );
  });

  it('shows an archived article as null, and still answers when content is down', async () => {
    const before = await viaGateway(null, op('LatestBulletin'));
    const [first] = before.data!.latestBulletinIssue.sections[0].items;
    b.content.setStatus(first.article.id, 'ARCHIVED');
    const archived = await viaGateway(null, op('LatestBulletin'));
    expect(archived.errors).toBeUndefined();
    expect(archived.data!.latestBulletinIssue.sections[0].items[0]).toEqual({
      note: first.note,
      article: null,
    });

    await b.content.close();
    const down = await viaGateway(null, op('LatestBulletin'));
    // The bulletin's own fields still arrive; only the articles' fields are missing, with errors.
    expect(down.data!.latestBulletinIssue).toMatchObject({
      id: before.data!.latestBulletinIssue.id,
      title: expect.any(String),
    });
    expect(down.errors?.length).toBeGreaterThan(0);
  });
});
