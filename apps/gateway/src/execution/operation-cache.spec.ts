import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheExecutedOperations, executedOperations } from './operation-cache';

const articles = {
  name: 'articles',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { articles: [Article!]! }
    type Article @key(fields: "id") { id: ID! title: String! }
  `),
  resolvers: {
    Query: {
      articles: () => [
        { id: '1', title: 'Chuyển đổi số' },
        { id: '2', title: 'Dữ liệu mở' },
      ],
    },
  },
};
const views = {
  name: 'views',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Article @key(fields: "id") { id: ID! views: Int! }
  `),
  resolvers: {
    Article: { __resolveReference: ({ id }: { id: string }) => ({ id, views: Number(id) * 10 }) },
  },
};

const HOME = `query Home { articles { id title views ...Both } } fragment Both on Article { id }`;

describe("the gateway's executed operations", () => {
  let server: ApolloServer;
  const run = async (query: string, operationName?: string) => {
    const res = await server.executeOperation({ query, operationName });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult;
  };

  beforeAll(async () => {
    cacheExecutedOperations();
    const composed = composeServices(
      [articles, views].map((s) => ({
        name: s.name,
        typeDefs: s.typeDefs,
        url: `http://${s.name}`,
      })),
    );
    if (!composed.supergraphSdl) throw new Error(JSON.stringify(composed.errors));
    const schemas = Object.fromEntries(
      [articles, views].map((s) => [s.name, buildSubgraphSchema([s])]),
    );
    server = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: composed.supergraphSdl,
        buildService: ({ name }) => new LocalGraphQLDataSource(schemas[name]!),
      }),
    });
    await server.start();
  });
  afterAll(() => server?.stop());

  it('are built once per query text and reused, with the same answers', async () => {
    const before = { ...executedOperations };
    const answers = [await run(HOME), await run(HOME), await run(HOME)];

    expect(answers[0]).toEqual({
      data: {
        articles: [
          { id: '1', title: 'Chuyển đổi số', views: 10 },
          { id: '2', title: 'Dữ liệu mở', views: 20 },
        ],
      },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Without the cache (or if Apollo stops building the operation this way) nothing is counted.
    expect(executedOperations.built - before.built).toBe(1);
    expect(executedOperations.reused - before.reused).toBe(2);
  });

  it('are not shared between different queries, nor between operations of one document', async () => {
    const before = { ...executedOperations };
    const two = `query A { articles { id } } query B { articles { title } }`;

    expect(await run(`{ articles { views } }`)).toEqual({
      data: { articles: [{ views: 10 }, { views: 20 }] },
    });
    expect(await run(two, 'A')).toEqual({ data: { articles: [{ id: '1' }, { id: '2' }] } });
    expect(await run(two, 'B')).toEqual({
      data: { articles: [{ title: 'Chuyển đổi số' }, { title: 'Dữ liệu mở' }] },
    });
    expect(await run(two, 'A')).toEqual({ data: { articles: [{ id: '1' }, { id: '2' }] } });
    expect(executedOperations.built - before.built).toBe(3);
    expect(executedOperations.reused - before.reused).toBe(1);
  });
});
