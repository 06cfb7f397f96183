import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { errorCodes, gql, testServices } from '@portal/testing';
import { useTestStack } from './support/test-gateway';

const stack = useTestStack('protection');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function postRaw(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('query limits (graphql-armor), introspection included', () => {
  it('refuses queries deeper than MAX_DEPTH, introspection or not', async () => {
    const { startAnother } = await stack();
    const gw = await startAnother({
      limits: { maxDepth: 2, maxCost: 5000, maxAliases: 15, maxDirectives: 50, maxTokens: 1000 },
    });
    for (const query of ['{ articles { nodes { title } } }', '{ __schema { types { name } } }']) {
      const res = await gql(gw.graphqlUrl, query);
      expect(res.status, query).toBe(400);
      expect(errorCodes(res), query).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.errors?.[0]?.message, query).toMatch(/depth limit of 2/);
    }
    expect((await gql(gw.graphqlUrl, '{ articles { totalCount } }')).data).toEqual({
      articles: { totalCount: 2 },
    });
  });

  it('holds a crafted deep introspection query to the default depth limit', async () => {
    const { graphqlUrl } = await stack();
    let selection = 'name';
    for (let i = 0; i < 8; i++) selection = `fields { type { ${selection} } }`;
    const res = await gql(graphqlUrl, `{ __schema { types { ${selection} } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/depth limit of 15/);
    // ...while the standard introspection query that tools send stays within every default limit.
    const standard = await gql(graphqlUrl, getIntrospectionQuery());
    expect(standard.errors).toBeUndefined();
    expect(standard.data?.__schema.queryType.name).toBe('Query');
  });

  it('refuses queries costlier than MAX_COST, with page sizes multiplying the cost', async () => {
    const { startAnother } = await stack();
    const gw = await startAnother({
      limits: { maxDepth: 15, maxCost: 250, maxAliases: 15, maxDirectives: 50, maxTokens: 1000 },
    });
    const cheap = await gql(gw.graphqlUrl, '{ articles(first: 10) { nodes { id title } } }');
    expect(cheap.errors).toBeUndefined();
    for (const query of [
      '{ articles(first: 100) { nodes { id title } } }',
      getIntrospectionQuery(),
    ]) {
      const res = await gql(gw.graphqlUrl, query);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.message).toMatch(/Cost limit of 250 exceeded/);
    }
  });

  it('counts page sizes given as variables, operation defaults and schema defaults, capped at the largest page', async () => {
    const { startAnother } = await stack();
    const gw = await startAnother({
      limits: { maxDepth: 15, maxCost: 300, maxAliases: 15, maxDirectives: 50, maxTokens: 1000 },
    });
    const byVariable = 'query ($n: Int) { articles(first: $n) { nodes { id title slug } } }';
    // Before, `first: $n` counted as a page of one, whatever $n was.
    const refused = await gql(gw.graphqlUrl, byVariable, { variables: { n: 100 } });
    expect(refused.status).toBe(400);
    expect(errorCodes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors?.[0]?.message).toMatch(/Cost limit of 300 exceeded, found 700/);
    // A page beyond the largest one a field serves costs as the largest one (100).
    const huge = await gql(gw.graphqlUrl, byVariable, { variables: { n: 1_000_000 } });
    expect(huge.errors?.[0]?.message).toMatch(/found 700\./);
    const withDefault = await gql(
      gw.graphqlUrl,
      'query ($n: Int = 90) { articles(first: $n) { nodes { id title slug } } }',
    );
    expect(withDefault.errors?.[0]?.message).toMatch(/found 630\./);
    const small = await gql(gw.graphqlUrl, byVariable, { variables: { n: 5 } });
    expect(small.errors).toBeUndefined();
    expect(small.data?.articles.nodes.length).toBe(2);
    // The schema's default page (articles: 10; threads: 10) counts when nothing is given.
    const nested = await gql(
      gw.graphqlUrl,
      '{ articles { nodes { id title slug } } threads { id title viewerHasVoted } }',
    );
    expect(nested.errors).toBeUndefined();
  });

  it('refuses more than MAX_ALIASES aliases, __typename included', async () => {
    const { graphqlUrl } = await stack();
    const aliases = (field: string) =>
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    for (const query of [aliases('__typename'), aliases('articles { totalCount }')]) {
      const res = await gql(graphqlUrl, query);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded/);
    }
  });

  it('refuses more than MAX_DIRECTIVES directives', async () => {
    const { graphqlUrl } = await stack();
    const res = await gql(
      graphqlUrl,
      `{ articles { totalCount ${'@skip(if: false) '.repeat(51)} } }`,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/Directives limit of 50 exceeded/);
  });

  it('stops parsing past MAX_TOKENS', async () => {
    const { graphqlUrl } = await stack();
    const res = await gql(graphqlUrl, `{ ${'__typename '.repeat(1001)} }`);
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(res.errors?.[0]?.message).toMatch(/more that 1000 tokens/);
  });
});

describe('request hygiene', () => {
  it('blocks requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const { graphqlUrl } = await stack();
    const simplePost = await postRaw(graphqlUrl, '{"query":"{ articles { totalCount } }"}', {
      'content-type': 'text/plain',
    });
    expect(simplePost.status).toBe(400);
    expect(simplePost.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);

    const query = encodeURIComponent('{ articles { totalCount } }');
    const plainGet = await fetch(`${graphqlUrl}?query=${query}`);
    expect(plainGet.status).toBe(400);
    const preflighted = await fetch(`${graphqlUrl}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { articles: { totalCount: 2 } } });
  });

  it('answers 413 to a body over BODY_LIMIT_BYTES and accepts one just under it', async () => {
    const { graphqlUrl } = await stack();
    // Variables the operation does not declare are ignored, so padding them only grows the body.
    const query = '{ articles { totalCount } }';
    const over = await postRaw(
      graphqlUrl,
      JSON.stringify({ query, variables: { pad: 'x'.repeat(1_048_576) } }),
      { 'content-type': 'application/json' },
    );
    expect(over.status).toBe(413);
    expect(over.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const under = await postRaw(
      graphqlUrl,
      JSON.stringify({ query, variables: { pad: 'x'.repeat(1_000_000) } }),
      { 'content-type': 'application/json' },
    );
    expect(under.status).toBe(200);
    expect(under.body.data).toEqual({ articles: { totalCount: 2 } });
  });

  it('answers broken JSON with 400', async () => {
    const { graphqlUrl } = await stack();
    const res = await postRaw(graphqlUrl, '{"query": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('production mode', () => {
  it('turns introspection and field suggestions off', async () => {
    const { startAnother, graphqlUrl } = await stack();
    const prod = await startAnother({ production: true, introspection: false });
    const introspection = await gql(prod.graphqlUrl, '{ __schema { queryType { name } } }');
    expect(introspection.status).toBe(400);
    expect(errorCodes(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(introspection.errors?.[0]?.message).toMatch(/introspection is not allowed/i);

    const typo = '{ articels { totalCount } }';
    const prodTypo = await gql(prod.graphqlUrl, typo);
    expect(prodTypo.errors?.[0]?.message).toMatch(/Cannot query field "articels"/);
    expect(prodTypo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    // Development keeps both, for people building against the graph.
    expect((await gql(graphqlUrl, typo)).errors?.[0]?.message).toMatch(/Did you mean "articles"/);
    expect((await gql(graphqlUrl, '{ __schema { queryType { name } } }')).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  it('masks internal errors and logs them with the request id', async () => {
    const { graphqlUrl, logs } = await stack();
    const res = await gql(graphqlUrl, '{ boom articles { totalCount } }', {
      headers: { 'x-request-id': 'req-masking-000001' },
    });
    expect(res.data?.articles).toEqual({ totalCount: 2 });
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      path: ['boom'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(res)).not.toMatch(/E11000|mongo:|stack|serviceName/);
    expect(
      logs.find((l) => l.requestId === 'req-masking-000001' && l.msg === 'internal error'),
    ).toBeDefined();
  });
});

describe('failures before GraphQL runs', () => {
  it('masks them as a GraphQL INTERNAL_SERVER_ERROR (API key store unreachable)', async () => {
    const { startAnother, db, logs } = await stack();
    const conn = await mongoose
      .createConnection(testServices().mongoUri, { dbName: db.name })
      .asPromise();
    const gw = await startAnother({}, conn);
    await conn.close();
    const res = await gql(gw.graphqlUrl, '{ articles { totalCount } }', {
      apiKey: `hcmcdx_${'C'.repeat(43)}`,
      headers: { 'x-request-id': 'req-keystore-down-01' },
    });
    expect(res.status).toBe(500);
    expect(res.errors).toEqual([
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(
      logs.find((l) => l.requestId === 'req-keystore-down-01' && l.msg === 'internal error'),
    ).toBeDefined();
  });
});

describe('automatic persisted queries', () => {
  it('registers a query by hash in Redis and then runs it by hash alone', async () => {
    const { graphqlUrl, redis, redisPrefix } = await stack();
    const query = '{ articles { totalCount } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const body = (payload: object) =>
      postRaw(graphqlUrl, JSON.stringify(payload), { 'content-type': 'application/json' });

    const unknown = await body({ extensions: { persistedQuery } });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await body({ query, extensions: { persistedQuery } });
    expect(registered.body.data).toEqual({ articles: { totalCount: 2 } });
    expect(await redis.get(`${redisPrefix}apq:apq:${persistedQuery.sha256Hash}`)).toBe(query);

    const byHash = await body({ extensions: { persistedQuery } });
    expect(byHash.body).toEqual({ data: { articles: { totalCount: 2 } } });

    // GET by hash is what lets a CDN cache public queries.
    const params = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery }) });
    const get = await fetch(`${graphqlUrl}?${params}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { articles: { totalCount: 2 } } });

    const mismatch = await body({
      query: '{ articles { nodes { id } } }',
      extensions: { persistedQuery },
    });
    expect(mismatch.status).toBe(400);
  });
});

describe('safelist mode (SAFELIST=on)', () => {
  const contract = `
    # the published operations
    query FixtureHome { articles(first: 5) { nodes { id title } totalCount } }
    mutation FixtureView($id: ID!) { recordArticleView(id: $id) }
  `;

  it('runs the contract operations, however they are formatted, and nothing else', async () => {
    const { startAnother, redis } = await stack();
    const gw = await startAnother({ safelist: true, contractSource: contract });
    const listed = await gql(
      gw.graphqlUrl,
      'query FixtureHome {\n  articles(first: 5) {\n    nodes { id title }\n    totalCount\n  }\n}',
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.articles.totalCount).toBe(2);
    expect(
      (
        await gql(gw.graphqlUrl, 'mutation FixtureView($id: ID!) { recordArticleView(id: $id) }', {
          variables: { id: 'a1' },
        })
      ).data,
    ).toEqual({ recordArticleView: true });

    for (const query of [
      '{ articles(first: 5) { nodes { id title } totalCount } }',
      'query FixtureHome { articles(first: 5) { nodes { id title slug } totalCount } }',
      '{ __schema { queryType { name } } }',
    ]) {
      const res = await gql(gw.graphqlUrl, query);
      expect(res.status, query).toBe(403);
      expect(errorCodes(res), query).toEqual(['FORBIDDEN']);
    }

    // Persisting a query does not get it past the safelist, and it is not stored.
    const other = '{ articles { nodes { slug } } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(other) };
    const res = await postRaw(
      gw.graphqlUrl,
      JSON.stringify({ query: other, extensions: { persistedQuery } }),
      {
        'content-type': 'application/json',
      },
    );
    expect(res.status).toBe(403);
    expect(await redis.keys(`*apq:apq:${persistedQuery.sha256Hash}`)).toEqual([]);
  });
});

describe('CORS for front ends on other origins', () => {
  it('answers a preflight from an allowed origin and says nothing to others', async () => {
    const { graphqlUrl } = await stack();
    const preflight = (origin: string) =>
      fetch(graphqlUrl, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight('https://cds.hochiminhcity.gov.vn');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://cds.hochiminhcity.gov.vn',
    );
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const res = await gql(graphqlUrl, '{ articles { totalCount } }', {
      headers: { origin: 'https://cds.hochiminhcity.gov.vn' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://cds.hochiminhcity.gov.vn');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });
});
