// The query plans of the hot queries (support/hot-queries.ts) on MongoDB: every database
// command a contract read causes, first page and keyset page, is explained; each must read
// through an index (no collection scan) and, for lists and lookups, examine a bounded number
// of documents per document returned. FerretDB has no query planner to ask (it scans
// and filters in Go or SQLite), so there these tests are skipped, and say why.
import { Kind, type OperationDefinitionNode } from 'graphql';
import { MongoClient, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@portal/auth';
import { contractDocument } from '@portal/local-services';
import { HOT_QUERIES, type HotQuery } from './support/hot-queries';
import { cli, person, run, type Caller } from './support/portal';

const ON_FERRETDB =
  'explain() plans are MongoDB’s: the server is FerretDB, which has no query planner';
/** Commands whose plans are checked; the rest (getMore, writes, index builds) are not reads to plan. */
const READS = ['find', 'aggregate', 'count', 'distinct'];
/** Documents a read may examine per document it returns (plus a small constant). */
const EXAMINED_PER_RETURNED = 3;
const EXAMINED_SLACK = 10;

const contract = contractDocument();
const contractReads = contract.definitions
  .filter(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query',
  )
  .map((d) => ({
    name: d.name!.value,
    paged: (d.variableDefinitions ?? []).some((v) => v.variable.name.value === 'after'),
  }));

describe('the table of hot queries', () => {
  it('holds every read of the contract, with its keyset page for every list', () => {
    const table = new Map(HOT_QUERIES.map((q) => [q.operation, q]));
    expect(contractReads.filter((r) => !table.has(r.name)).map((r) => r.name)).toEqual([]);
    expect(
      contractReads.filter((r) => r.paged && !table.get(r.name)?.page).map((r) => r.name),
    ).toEqual([]);
    expect([...table.keys()].filter((name) => !contractReads.some((r) => r.name === name))).toEqual(
      [],
    );
  });
});

let client: MongoClient;
let onMongodb = false;
const callers = new Map<HotQuery['as'], Promise<Caller>>();

function callerFor(as: HotQuery['as']): Promise<Caller> {
  let caller = callers.get(as);
  if (!caller) {
    caller =
      as === 'partner'
        ? cli('apikey', [
            'create',
            '--name',
            'Đối tác đo truy vấn',
            '--scopes',
            'content:read',
          ]).then((out) => ({ apiKey: out.split('\n').pop()! }))
        : person(as as Role);
    callers.set(as, caller);
  }
  return caller;
}

beforeAll(async () => {
  client = await new MongoClient(process.env.E2E_MONGODB_URI!).connect();
  const info = await client.db().admin().command({ buildInfo: 1 });
  onMongodb = !('ferretdbVersion' in info || 'ferretdb' in info);
});
afterAll(() => client?.close());

/** The stack's own databases: `<E2E_DB_PREFIX>_<app>` on a shared server, else `portal_*`. */
async function stackDatabases(): Promise<string[]> {
  const prefix = process.env.E2E_DB_PREFIX ? `${process.env.E2E_DB_PREFIX}_` : 'portal_';
  const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
  return databases.map((d) => d.name).filter((name) => name.startsWith(prefix));
}

/** Records every command on `databases` while `fn` runs (MongoDB's profiler), and returns them. */
async function profiled(databases: string[], fn: () => Promise<void>): Promise<Document[]> {
  for (const name of databases) {
    const db = client.db(name);
    await db.command({ profile: 0 });
    await db
      .collection('system.profile')
      .drop()
      .catch(() => {});
    await db.command({ profile: 2 });
  }
  try {
    await fn();
  } finally {
    for (const name of databases) await client.db(name).command({ profile: 0 });
  }
  const commands: Document[] = [];
  for (const name of databases)
    for (const entry of await client.db(name).collection('system.profile').find().toArray()) {
      const command = entry.command as Document | undefined;
      const verb = command && Object.keys(command)[0];
      if (!verb || !READS.includes(verb) || String(command[verb]).startsWith('system.')) continue;
      commands.push({ db: name, command });
    }
  return commands;
}

/** Every value of `key` anywhere in an explain() answer. */
function collect(value: unknown, key: string, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) collect(v, key, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === key) into.push(v);
      collect(v, key, into);
    }
  return into;
}

/** What is wrong with one command's plan, if anything. */
async function planProblems(db: string, command: Document): Promise<string[]> {
  const verb = Object.keys(command)[0]!;
  const clean = Object.fromEntries(
    Object.entries(command).filter(
      ([k]) => !k.startsWith('$') && !['lsid', 'txnNumber', 'readConcern', 'cursor'].includes(k),
    ),
  );
  if (verb === 'aggregate') clean.cursor = {};
  const explained = await client.db(db).command({ explain: clean, verbosity: 'executionStats' });
  const stages = collect(explained, 'stage') as string[];
  const what = `${db}.${String(command[verb])} ${JSON.stringify(clean)}`;
  const problems: string[] = [];
  if (stages.includes('COLLSCAN')) problems.push(`${what}: collection scan`);
  else if (!stages.some((s) => /IXSCAN|IDHACK|COUNT_SCAN|DISTINCT_SCAN|EXPRESS/.test(s)))
    problems.push(`${what}: no index scan (${[...new Set(stages)].join(', ')})`);
  // Counting reads every match by design; lists and lookups must not read far more than they return.
  const counts = verb === 'count' || JSON.stringify(command).includes('"$group"');
  if (!counts) {
    const examined = Math.max(0, ...(collect(explained, 'totalDocsExamined') as number[]));
    const returned = Math.max(0, ...(collect(explained, 'nReturned') as number[]));
    if (examined > EXAMINED_PER_RETURNED * returned + EXAMINED_SLACK)
      problems.push(`${what}: examined ${examined} documents to return ${returned}`);
  }
  return problems;
}

/** The connection at `path` (`thread.replies`) in an answer. */
function connectionAt(
  data: Record<string, any>,
  path: string,
): { pageInfo: { endCursor: string | null } } {
  return path.split('.').reduce((node, key) => node?.[key], data) as never;
}

describe('query plans of the hot queries on MongoDB', () => {
  for (const query of HOT_QUERIES)
    it(`${query.operation}${query.page ? ' and its keyset page' : ''}: index scans, bounded documents examined`, async (ctx) => {
      if (!onMongodb) return ctx.skip(ON_FERRETDB);
      const caller = await callerFor(query.as);
      const variables = (await query.variables?.(callerFor)) ?? {};
      const commands = await profiled(await stackDatabases(), async () => {
        const first = await run(query.operation, variables, caller);
        const cursor = query.page && connectionAt(first, query.page).pageInfo.endCursor;
        // The keyset page: the same read after the first page (empty if the list is short,
        // which still plans the keyset condition).
        if (cursor) await run(query.operation, { ...variables, after: cursor }, caller);
      });
      const problems: string[] = [];
      for (const { db, command } of commands) problems.push(...(await planProblems(db, command)));
      expect(problems).toEqual([]);
    });
});
