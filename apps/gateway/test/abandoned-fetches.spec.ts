// When a client goes away mid-request, the gateway stops the subgraph work only it needed:
// a fetch of that request alone is closed (the subgraph sees its request abandoned and stops),
// a fetch or a whole query shared with other callers runs on for them.
import { describe, expect, it } from 'vitest';
import { gql, metricValue, waitUntil } from '@portal/testing';
import { useTestStack } from './support/test-gateway';

// The fixture library answers `slowItems` after 4 s unless its request is abandoned first
// (counted in subgraphs.abandoned); the gateway waits for it longer than that.
const stack = useTestStack('abandon', {
  slowMs: 4000,
  overrides: { responseCache: false, subgraphTimeoutMs: 30_000 },
});
const QUERY = '{ slowItems { id title } }';
const SLOW = 'library.slowItems';

/** Starts the query as a client that can hang up; resolves once the subgraph runs it. */
async function startCall(headers: Record<string, string> = {}, query = QUERY) {
  const { graphqlUrl, subgraphs } = await stack();
  const before = subgraphs.calls.get(SLOW) ?? 0;
  const client = new AbortController();
  const answer = fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    signal: client.signal,
  });
  answer.catch(() => {});
  await waitUntil(() => (subgraphs.calls.get(SLOW) ?? 0) > before, {
    what: 'the subgraph running the query',
  });
  return { hangUp: () => client.abort(), answer };
}

const abandonedCount = async () => (await stack()).subgraphs.abandoned.get(SLOW) ?? 0;
const fetchOutcomes = async (outcome: string) =>
  metricValue(
    await (await stack()).gateway.metrics.registry.metrics(),
    'gateway_subgraph_fetch_duration_seconds_count',
    { subgraph: 'library', outcome },
  );

/** The caller who stayed got the answer of the one fetch made, and nothing was abandoned. */
async function expectAnsweredByOneFetch(
  staying: ReturnType<typeof gql>,
  callsBefore: number,
  abandonedBefore: number,
) {
  const { subgraphs } = await stack();
  const answer = await staying;
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.data).toEqual({ slowItems: [{ id: 'l2', title: 'Video bài giảng' }] });
  expect(subgraphs.calls.get(SLOW)! - callsBefore).toBe(1);
  expect((await abandonedCount()) - abandonedBefore).toBe(0);
}

describe('a client that goes away', () => {
  it('closes the subgraph fetch only it was waiting for: the subgraph stops its work', async () => {
    const { personToken } = await stack();
    const before = await abandonedCount();
    const abandonedBefore = await fetchOutcomes('abandoned');
    // A person's fetch is never shared; an anonymous caller alone is the only one waiting.
    const ana = await personToken({ role: 'citizen', sub: 'ana' });
    const callers: Record<string, string>[] = [{ authorization: `Bearer ${ana}` }, {}];
    for (const headers of callers) {
      const seen = await abandonedCount();
      const call = await startCall(headers);
      call.hangUp();
      await waitUntil(async () => (await abandonedCount()) > seen, {
        what: 'the subgraph to see its request abandoned',
      });
    }
    expect((await abandonedCount()) - before).toBe(2);
    await waitUntil(async () => (await fetchOutcomes('abandoned')) - abandonedBefore === 2, {
      what: 'two abandoned fetches on /metrics',
    });
    // A client leaving is no internal error: logged for information, nothing at error level.
    const { logs } = await stack();
    await waitUntil(
      () =>
        logs.filter((l) => l.msg === 'request abandoned by its client: its fetches stopped')
          .length === 2,
      { what: 'both abandoned requests logged' },
    );
    expect(logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  }, 60_000);

  it('keeps a fetch shared with callers who still wait, and they get the answer', async () => {
    const { graphqlUrl, subgraphs } = await stack();
    const before = await abandonedCount();
    const calls = subgraphs.calls.get(SLOW) ?? 0;
    const leaving = await startCall();
    // A second anonymous caller's query differs in its text only, so it joins the same fetch
    // in flight (not the first's whole execution); then the first hangs up.
    const staying = gql(graphqlUrl, '{slowItems { id title } }');
    const { gateway } = await stack();
    await waitUntil(
      async () =>
        ((await gateway.metrics.sharedSubgraphFetches.get()).values.find(
          (v) => v.labels.subgraph === 'library',
        )?.value ?? 0) > 0,
      { what: 'the second caller sharing the fetch' },
    );
    leaving.hangUp();
    await expectAnsweredByOneFetch(staying, calls, before);
  }, 60_000);

  it('keeps a query run for the identical requests that still wait, and they get its answer', async () => {
    const { graphqlUrl, subgraphs, gateway } = await stack();
    const before = await abandonedCount();
    const calls = subgraphs.calls.get(SLOW) ?? 0;
    const joined = async () => (await gateway.metrics.sharedAnswers.get()).values[0]?.value ?? 0;
    const joinedBefore = await joined();
    const leaving = await startCall();
    // An identical request waits for the first one's execution; then the first hangs up.
    const staying = gql(graphqlUrl, QUERY);
    await waitUntil(async () => (await joined()) > joinedBefore, {
      what: 'the second request waiting for the first',
    });
    leaving.hangUp();
    await expectAnsweredByOneFetch(staying, calls, before);
  }, 60_000);
});
