// The graph contract: every operation in contract/operations.graphql must validate against
// the supergraph composed (in-process, as `npm run compose` does) from the subgraphs that
// exist in this workspace. Operations served by subgraphs that do not exist yet are listed
// as pending; once every subgraph exists, none may be.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { Kind, isNonNullType, parse, print, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS, parseEnv } from '@portal/config';
import { workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';
import { gatewayConfigFromEnv } from '../src/config';
import { gatewayEnvShape, type GatewayEnv } from '../src/env';
import { operationCost } from '../src/domain/query-cost';
import { PAGE_SIZES, requestLimitProtection } from '../src/plugins/request-limits';
import { contractCoverage, stubOnlyEntities } from './support/contract-coverage';
import { fixtureSupergraph } from './support/test-gateway';

const root = workspaceRoot();
const contractText = readFileSync(join(root, 'contract', 'operations.graphql'), 'utf8');
const contract = parse(contractText);
const composition = composeSupergraph(root);
const present = composition.subgraphs.map((s) => s.name);
const absent = SUBGRAPHS.filter((name) => !present.includes(name));
const allPresent = absent.length === 0;
/** Fields one subgraph adds to another's entity (docs/development.md, "Cross-service conventions"). */
const CONTRIBUTIONS: Record<string, string> = {
  'Thread.referral': 'referral',
  'Article.poll': 'engagement',
  'Thread.poll': 'engagement',
};

const defaultEnv = parseEnv(gatewayEnvShape, {
  NODE_ENV: 'development',
  INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
});
if (!defaultEnv.ok) throw new Error(defaultEnv.message);
const defaultLimitValues = gatewayConfigFromEnv(defaultEnv.env as GatewayEnv, {
  supergraphSdl: '',
  contractSource: null,
  personToken: { issuer: '', audience: '' },
}).limits;
const defaultLimits = requestLimitProtection(defaultLimitValues);

/**
 * The shared copy of the contract: `../shared/contract` beside the checkout (or further up, as
 * in the lead's layout), or the file SHARED_CONTRACT names. SHARED_CONTRACT=absent says this
 * runner has none (e.g. a hosted CI runner), and the comparison is skipped, visibly.
 */
function sharedContractPath(): string | null {
  const given = process.env.SHARED_CONTRACT;
  if (given) return given === 'absent' ? null : given;
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'contract', 'operations.graphql');
    if (existsSync(candidate) || dirname(dir) === dir) return candidate;
  }
}

/** The contract's definitions (operations and fragments) by name, each printed canonically. */
function definitionsByName(document: DocumentNode): Map<string, string> {
  const named = new Map<string, string>();
  for (const def of document.definitions)
    if (
      (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) &&
      def.name
    )
      named.set(def.name.value, print(def));
  return named;
}

/** Shared definitions the repository's contract lacks or changed; new ones are allowed. */
function contractDrift(shared: DocumentNode, repository: DocumentNode): string[] {
  const ours = definitionsByName(repository);
  return [...definitionsByName(shared)].flatMap(([name, text]) => {
    if (!ours.has(name)) return [`${name} is missing`];
    return ours.get(name) === text ? [] : [`${name} is changed`];
  });
}

async function apiSchemaOf(supergraphSdl: string) {
  const gateway = new ApolloGateway({ supergraphSdl });
  const { schema } = await gateway.load();
  await gateway.stop();
  return schema;
}

describe('the graph contract', () => {
  it('contains every operation of the shared contract unchanged (and may add its own)', (ctx) => {
    const shared = sharedContractPath();
    if (!shared) return ctx.skip('SHARED_CONTRACT=absent: this runner has no shared contract');
    expect(
      existsSync(shared),
      `no shared contract at ${shared}: put it at ../shared/contract beside the checkout, or name it with SHARED_CONTRACT`,
    ).toBe(true);
    expect(contractDrift(parse(readFileSync(shared, 'utf8')), contract)).toEqual([]);
  });

  it('composes the supergraph from the subgraphs present', () => {
    console.log(`contract: subgraphs present: ${present.join(', ') || 'none'}`);
    if (present.length === 0) {
      expect(composition).toMatchObject({
        ok: false,
        errors: [expect.stringMatching(/no subgraph schema/)],
      });
      return;
    }
    if (!composition.ok)
      throw new Error(
        `supergraph composition failed:\n${composition.errors.map((e) => `  - ${e}`).join('\n')}`,
      );
  });

  it('validates every operation a present subgraph serves; the rest are pending until their subgraphs exist', async () => {
    const operations = contract.definitions.flatMap((d) =>
      d.kind === 'OperationDefinition' ? [d.name?.value ?? '(anonymous)'] : [],
    );
    expect(operations.length).toBeGreaterThan(30);
    if (!composition.ok) {
      expect(present, 'composition must succeed when subgraphs exist').toEqual([]);
      console.log(`contract: all ${operations.length} operations pending (no subgraph yet)`);
      return;
    }
    const schema = await apiSchemaOf(composition.supergraphSdl);
    const coverage = contractCoverage({
      contract,
      schema,
      stubOnly: stubOnlyEntities(composition.supergraphSdl),
      contributions: CONTRIBUTIONS,
      absent,
    });
    console.log(
      `contract: ${coverage.valid.length} valid, ${coverage.pending.length} pending, ${coverage.broken.length} broken`,
    );
    for (const p of coverage.pending) console.log(`contract: pending ${p.operation} (${p.reason})`);
    expect(
      coverage.broken.map((b) => `${b.operation}: ${b.errors.join('; ')}`),
      'operations that present subgraphs must serve',
    ).toEqual([]);
    if (allPresent)
      expect(coverage.pending, 'every subgraph exists: nothing may be pending').toEqual([]);

    // The published operations must also fit the gateway's default limits.
    const overLimit = contract.definitions.flatMap((op) => {
      if (op.kind !== Kind.OPERATION_DEFINITION || !op.name) return [];
      const name = op.name.value;
      if (!coverage.valid.includes(name)) return [];
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op] };
      // The cost with every page-size variable at its largest (the worst a client can send).
      const largest = Object.fromEntries(
        (op.variableDefinitions ?? []).map((v) => [v.variable.name.value, PAGE_SIZES.maxPage]),
      );
      const cost = operationCost(schema, document, op, largest, PAGE_SIZES);
      return [
        ...validate(schema, document, defaultLimits.validationRules).map(
          (e) => `${name}: ${e.message}`,
        ),
        ...(cost > defaultLimitValues.maxCost ? [`${name}: costs ${cost}`] : []),
      ];
    });
    expect(overLimit, 'contract operations over the default limits').toEqual([]);
    for (const op of contract.definitions)
      expect(() => parse(print(op), defaultLimits.parseOptions)).not.toThrow();
  });

  it('keeps every root query field nullable, so a dead subgraph nulls only its own fields', async () => {
    if (!composition.ok) return;
    const schema = await apiSchemaOf(composition.supergraphSdl);
    const nonNull = Object.values(schema.getQueryType()!.getFields())
      .filter((f) => isNonNullType(f.type))
      .map((f) => `Query.${f.name}: ${String(f.type)}`);
    expect(
      nonNull,
      'a non-null root field from a failed subgraph would null the whole answer',
    ).toEqual([]);
  });
});

describe('comparing with the shared contract', () => {
  const shared = parse(`
    fragment Card on Article { id title }
    query Articles { articles { nodes { ...Card } } }
    mutation Publish($id: ID!) { publishArticle(id: $id) { id } }
  `);

  it('accepts the same operations, reformatted, plus new ones', () => {
    const repository = parse(`
      fragment Card on Article {
        id
        title
      }
      query Articles { articles { nodes { ...Card } } }
      mutation Publish($id: ID!) { publishArticle(id: $id) { id } }
      query New { articles { totalCount } }
    `);
    expect(contractDrift(shared, repository)).toEqual([]);
  });

  it('names shared operations that are missing or changed', () => {
    const repository = parse(`
      fragment Card on Article { id title summary }
      query Articles { articles { nodes { ...Card } } }
    `);
    expect(contractDrift(shared, repository)).toEqual(['Card is changed', 'Publish is missing']);
  });
});

describe('contract coverage rules (against the fixture supergraph)', () => {
  const sdl = fixtureSupergraph();
  // As if bulletin were still absent and contributed Thread.officialAnswer.
  const check = async (source: string, absent: string[] = ['bulletin']) =>
    contractCoverage({
      contract: parse(source),
      schema: await apiSchemaOf(sdl),
      stubOnly: stubOnlyEntities(sdl),
      contributions: { 'Thread.officialAnswer': 'bulletin' },
      absent,
    });

  it('accepts valid operations and flags a broken field of a present subgraph', async () => {
    const coverage = await check(`
      query Ok { articles { totalCount nodes { id title } } }
      query Renamed { articles { nodes { headline } } }
      query WrongArg { article(id: "x") { title } }
      query NotContributed { thread(id: "t1") { id answers } }
    `);
    expect(coverage.valid).toEqual(['Ok']);
    expect(coverage.broken.map((b) => b.operation)).toEqual([
      'Renamed',
      'WrongArg',
      'NotContributed',
    ]);
  });

  it('marks operations of absent subgraphs, or fields absent subgraphs add to entities, as pending', async () => {
    const coverage = await check(`
      query Later($slug: String!) { bulletinIssue(slug: $slug) { id } }
      query Mixed { articles { totalCount } latestBulletinIssue { id } }
      query Extended { thread(id: "t1") { id officialAnswer { body } } }
      query OwnerAbsent { libraryItems { featuredIn { id title } } }
    `);
    expect(coverage.pending.map((p) => p.operation)).toEqual([
      'Later',
      'Mixed',
      'Extended',
      'OwnerAbsent',
    ]);
    expect(coverage.broken).toEqual([]);
  });

  it('allows nothing pending once every subgraph exists', async () => {
    const coverage = await check('query Later { bulletinIssue { id } }', []);
    expect(coverage.pending).toEqual([]);
    expect(coverage.broken.map((b) => b.operation)).toEqual(['Later']);
  });
});
