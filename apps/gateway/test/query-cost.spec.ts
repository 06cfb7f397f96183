// The cost of the forum attack from issue 14 against the real composed supergraph: the
// nested replies query, with schema defaults or `first: $n`, must cost what it will make the
// forum do, not as if each list held one item.
import { ApolloGateway } from '@apollo/gateway';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';
import { operationCost } from '../src/domain/query-cost';
import { PAGE_SIZES } from '../src/plugins/request-limits';

const composition = composeSupergraph(workspaceRoot());

async function costOf(query: string, variables: Record<string, unknown> = {}) {
  if (!composition.ok) throw new Error(composition.errors.join('\n'));
  const gateway = new ApolloGateway({ supergraphSdl: composition.supergraphSdl });
  const { schema } = await gateway.load();
  await gateway.stop();
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return operationCost(schema, document, operation, variables, PAGE_SIZES);
}

const nested = (args: string) =>
  `query ($n: Int) { thread(id: "T") { replies${args} { nodes { thread { replies${args} { nodes { thread { replies${args} { nodes { id body } } } } } } } } } }`;

describe('query cost on the real supergraph', () => {
  it('costs the nested replies attack the same with schema defaults, variables or literals', async () => {
    const literal = await costOf(nested('(first: 20)'));
    expect(literal).toBe(50_522);
    expect(await costOf(nested(''))).toBe(literal);
    expect(await costOf(nested('(first: $n)'), { n: 20 })).toBe(literal);
    // $n = 60 costs more still; an unset $n falls back to the schema's default (20).
    expect(await costOf(nested('(first: $n)'), { n: 60 })).toBeGreaterThan(1_000_000);
    expect(await costOf(nested('(first: $n)'))).toBe(literal);
  });

  it('counts fragments and inline fragments once per use, and caps a page at the largest served', async () => {
    const viaFragment = await costOf(
      'query { thread(id: "T") { ...R } } fragment R on Thread { replies(first: 500) { nodes { id body } } }',
    );
    expect(viaFragment).toBe(
      await costOf('{ thread(id: "T") { replies(first: 100) { nodes { id body } } } }'),
    );
    const inline = await costOf(
      '{ thread(id: "T") { ... on Thread { replies { nodes { id } } } } }',
    );
    expect(inline).toBe(await costOf('{ thread(id: "T") { replies { nodes { id } } } }'));
  });
});
