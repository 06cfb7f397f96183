// Identical queries and identical subgraph fetches in flight are shared between viewers who get
// the same answers (anonymous callers; partner keys with the same scopes), never between people.
import { describe, expect, it } from 'vitest';
import { gql, waitUntil, type GqlOptions } from '@portal/testing';
import { useTestStack } from './support/test-gateway';

// The fixture library answers `slowItems` after 400 ms: long enough for concurrent callers
// to overlap even on a busy machine. The response cache is off so every request fetches.
const stack = useTestStack('dedup', { slowMs: 400, overrides: { responseCache: false } });
const QUERY = '{ slowItems { id title } }';

async function concurrently(callers: GqlOptions[], queries: string[] = [QUERY]) {
  const { graphqlUrl, subgraphs } = await stack();
  const calls = () => subgraphs.calls.get('library.slowItems') ?? 0;
  const before = calls();
  const answers = await Promise.all(
    callers.map((c, i) => gql(graphqlUrl, queries[i % queries.length]!, c)),
  );
  for (const a of answers) {
    expect(a.errors).toBeUndefined();
    expect(a.data).toEqual({ slowItems: [{ id: 'l2', title: 'Video bài giảng' }] });
  }
  return calls() - before;
}

const counter = async (name: 'sharedSubgraphFetches' | 'sharedAnswers') => {
  const { gateway } = await stack();
  return (await gateway.metrics[name].get()).values.reduce((sum, v) => sum + v.value, 0);
};

describe('in-flight de-duplication of queries and subgraph fetches', () => {
  it('sends one fetch for ten anonymous callers asking the same at once', async () => {
    const shared = async () =>
      (await counter('sharedSubgraphFetches')) + (await counter('sharedAnswers'));
    const sharedBefore = await shared();
    expect(await concurrently(Array.from({ length: 10 }, () => ({})))).toBe(1);
    // Each of the nine others waited for the first's answer or shared its fetch.
    expect((await shared()) - sharedBefore).toBe(9);
    // Once answered, the next caller fetches afresh.
    expect(await concurrently([{}])).toBe(1);
  });

  it('runs an identical query once for the callers who ask while it runs', async () => {
    const { graphqlUrl, gateway, subgraphs } = await stack();
    const calls = () => subgraphs.calls.get('library.slowItems') ?? 0;
    const before = calls();
    const answersBefore = await counter('sharedAnswers');
    const answered = async () =>
      (await gateway.metrics.graphqlOperations.get()).values
        .filter((v) => v.labels.type === 'query' && v.labels.outcome === 'ok')
        .reduce((sum, v) => sum + v.value, 0);
    const answeredBefore = await answered();
    const first = gql(graphqlUrl, QUERY);
    await waitUntil(() => calls() > before, { what: 'the first query reaching the subgraph' });
    const others = await Promise.all(Array.from({ length: 5 }, () => gql(graphqlUrl, QUERY)));
    for (const a of [await first, ...others])
      expect(a.data).toEqual({ slowItems: [{ id: 'l2', title: 'Video bài giảng' }] });
    expect(calls() - before).toBe(1);
    expect((await counter('sharedAnswers')) - answersBefore).toBe(5);
    // Every request is counted as answered, not only the one that ran.
    expect((await answered()) - answeredBefore).toBe(6);
  });

  it('shares the subgraph fetch of queries that differ only in their text', async () => {
    const answersBefore = await counter('sharedAnswers');
    const fetchesBefore = await counter('sharedSubgraphFetches');
    // Not identical requests, the same subgraph fetch: shared at the fetch level.
    const texts = Array.from({ length: 4 }, (_, i) => `{${' '.repeat(i)} slowItems { id title } }`);
    expect(await concurrently([{}, {}, {}, {}], texts)).toBe(1);
    expect((await counter('sharedAnswers')) - answersBefore).toBe(0);
    expect((await counter('sharedSubgraphFetches')) - fetchesBefore).toBe(3);
  });

  it('shares between partner keys with the same scopes, not with other scopes or anonymous callers', async () => {
    const { gateway } = await stack();
    const key = async (scopes: string[]) =>
      (await gateway.apiKeys.create({ name: `Đối tác ${scopes}`, scopes, tier: 'standard' })).key;
    const a = await key(['library:read']);
    const b = await key(['library:read']);
    const c = await key(['library:read', 'content:read']);
    expect(await concurrently([{ apiKey: a }, { apiKey: b }, { apiKey: a }])).toBe(1);
    expect(await concurrently([{ apiKey: a }, { apiKey: c }, {}])).toBe(3);
  });

  it('never shares a fetch between people, nor between a person and anonymous callers', async () => {
    const { personToken } = await stack();
    const ana = await personToken({ role: 'citizen', sub: 'ana' });
    const binh = await personToken({ role: 'citizen', sub: 'binh' });
    expect(await concurrently([{ bearer: ana }, { bearer: binh }, {}, {}])).toBe(3);
    expect(await concurrently([{ bearer: ana }, { bearer: ana }])).toBe(2);
  });

  it('never shares mutations', async () => {
    const { graphqlUrl, subgraphs } = await stack();
    const calls = () => subgraphs.calls.get('content.recordArticleView') ?? 0;
    const before = calls();
    await Promise.all(
      Array.from({ length: 3 }, () => gql(graphqlUrl, 'mutation { recordArticleView(id: "a1") }')),
    );
    expect(calls() - before).toBe(3);
  });
});
