import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  Kind,
  parse,
  print,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaFile } from '@portal/graphql-kit';
import { contractDocument } from '@portal/local-services';
import { createPublished, useContentServer } from './content-harness';

const h = useContentServer('content-contract');

const CONTENT_OPERATIONS = [
  'HomePage',
  'ArticlePage',
  'SearchArticles',
  'RecordArticleView',
  'CreateArticle',
  'UpdateArticle',
  'SubmitArticleForReview',
  'PublishArticle',
  'ContentStats',
  'PartnerArticlesSince',
  'ArticlePoll',
  'PortalStats',
  'PortalReferralStats',
  'PortalContributionStats',
  'MonthlyReports',
  'MonthlyReport',
  'SubscribeMonthlyReport',
  'UnsubscribeMonthlyReport',
  'RecordArticlePageView',
  // The web portal's own operations (the contract's last section).
  'HomeExtras',
  'NewsList',
  'ArticleExtras',
  'RelatedArticles',
  'SitemapEntries',
  'EditorialArticles',
  'StaffArticle',
  'ArticleCategories',
  'ReturnArticleToDraft',
  'ArchiveArticle',
];

const schema: GraphQLSchema = buildSubgraphSchema([
  { typeDefs: loadSchemaFile(join(import.meta.dirname, '..', 'schema.graphql')) },
]);

/** Removes the fields other subgraphs add to this one's types (e.g. engagement's `Article.poll`). */
function ownFieldsOnly(op: OperationDefinitionNode): OperationDefinitionNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    op,
    visitWithTypeInfo(typeInfo, { Field: () => (typeInfo.getFieldDef() ? undefined : null) }),
  );
}

/**
 * The contract's operations cut down to the root fields this subgraph serves (HomePage also
 * asks the bulletin, forum and library subgraphs) and to the fields of its own types;
 * operations that keep none are left out.
 */
function contentOperations(): Map<string, string> {
  const doc = contractDocument();
  const ops = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION || !def.name) continue;
    const root = def.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    const fields = root!.getFields();
    const mine = def.selectionSet.selections.filter(
      (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value in fields,
    );
    if (mine.length === 0) continue;
    const selections = mine.map((f) => print(f)).join('\n');
    const op: OperationDefinitionNode = {
      ...def,
      selectionSet: { ...def.selectionSet, selections: mine },
      variableDefinitions: def.variableDefinitions?.filter((v) =>
        new RegExp(`\\$${v.variable.name.value}\\b`).test(selections),
      ),
    };
    ops.set(def.name.value, print(ownFieldsOnly(op)));
  }
  return ops;
}

const ops = contentOperations();

describe('the graph contract', () => {
  it('composes as a federation 2 subgraph', () => {
    const result = composeServices([
      {
        name: 'content',
        url: 'http://127.0.0.1:4001/graphql',
        typeDefs: loadSchemaFile(join(import.meta.dirname, '..', 'schema.graphql')),
      },
    ]);
    expect(result.errors ?? []).toEqual([]);
  });

  it('validates every content operation against this subgraph schema', () => {
    expect([...ops.keys()].sort()).toEqual([...CONTENT_OPERATIONS].sort());
    for (const [name, text] of ops) expect(validate(schema, parse(text)), name).toEqual([]);
  });

  describe('serves each operation', () => {
    let article: { id: string; slug: string };
    beforeAll(async () => {
      article = await createPublished(h, {
        title: 'Hợp đồng hợp tác chuyển đổi số với Singapore',
        kind: 'COOPERATION',
        scope: 'WORLD',
      });
    });

    const run = async (
      name: string,
      who: Parameters<typeof h.call>[0],
      variables: Record<string, unknown> = {},
    ) => {
      const res = await h.call(who, ops.get(name)!, variables);
      expect(res.errors, name).toBeUndefined();
      return res.data!;
    };

    it('public reads', async () => {
      const home = await run('HomePage', null);
      expect(home.articles).toHaveProperty('totalCount');
      const page = await run('ArticlePage', null, { slug: article.slug });
      // Engagement's poll is cut away here; the article itself is content's.
      expect((await run('ArticlePoll', null, { slug: article.slug })).article).toMatchObject({
        id: article.id,
      });
      expect(page.article).toMatchObject({
        id: article.id,
        kind: 'COOPERATION',
        scope: 'WORLD',
        viewCount: 0,
      });
      const found = await run('SearchArticles', null, { q: 'hop tac singapore' });
      expect(found.articles.nodes.map((n: { id: string }) => n.id)).toEqual([article.id]);
      const partner = await run('PartnerArticlesSince', null, { since: '2020-01-01T00:00:00Z' });
      expect(partner.articles.nodes.map((n: { id: string }) => n.id)).toContain(article.id);
      expect(await run('RecordArticleView', null, { id: article.id, device: 'DESKTOP' })).toEqual({
        recordArticleView: true,
      });
    });

    it('editorial writes and statistics', async () => {
      const created = await run('CreateArticle', 'contributor', {
        input: {
          title: 'Cẩm nang an toàn thông tin cho hộ kinh doanh',
          body: '<p>Nội dung</p>',
          kind: 'HANDBOOK',
        },
      });
      const id = created.createArticle.id;
      expect(created.createArticle).toMatchObject({ status: 'DRAFT', version: 1 });
      const updated = await run('UpdateArticle', 'contributor', {
        id,
        input: { summary: 'Tóm tắt' },
        expectedVersion: 1,
      });
      expect(updated.updateArticle).toMatchObject({ version: 2, status: 'DRAFT' });
      expect(
        (await run('SubmitArticleForReview', 'contributor', { id })).submitArticleForReview.status,
      ).toBe('IN_REVIEW');
      expect((await run('PublishArticle', 'editor', { id })).publishArticle.status).toBe(
        'PUBLISHED',
      );
      const stats = await run('ContentStats', 'editor', {
        from: '2025-01-01T00:00:00Z',
        to: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(stats.contentStats.byDevice).toHaveLength(3);
    });
  });
});
