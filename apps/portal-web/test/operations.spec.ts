// Every operation the portal sends is a named operation in app/graphql/*.graphql, valid against
// the supergraph composed from the subgraphs' schema files; those of the graph contract are
// exactly as the contract writes them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, print, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';
import * as generated from '../app/__generated__/graphql';

const root = workspaceRoot();
const dir = join(root, 'apps/portal-web/app/graphql');
const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
const operations = files.flatMap((file) =>
  parse(readFileSync(join(dir, file), 'utf8')).definitions.map((d) => ({ file, definition: d })),
);
const contract = new Map(
  parse(readFileSync(join(root, 'contract/operations.graphql'), 'utf8'))
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => [d.name!.value, print(d)]),
);

describe('the portal operations', () => {
  const composition = composeSupergraph(root);
  if (!composition.ok) throw new Error(composition.errors.join('\n'));
  const schema = Supergraph.build(composition.supergraphSdl).apiSchema().toGraphQLJSSchema();

  it('are named operations only, each name once', () => {
    expect(operations.length).toBeGreaterThan(40);
    const names = operations.map(({ definition }) => {
      expect(definition.kind).toBe(Kind.OPERATION_DEFINITION);
      return (definition as OperationDefinitionNode).name?.value;
    });
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(
    operations.map(({ file, definition }) => [
      (definition as OperationDefinitionNode).name!.value,
      file,
      definition,
    ]),
  )('%s (%s) is valid against the composed supergraph', (_name, _file, definition) => {
    const errors = validate(schema, {
      kind: Kind.DOCUMENT,
      definitions: [definition as OperationDefinitionNode],
    });
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('uses the contract operations exactly as written, and only those in contract.graphql', () => {
    for (const { file, definition } of operations) {
      const name = (definition as OperationDefinitionNode).name!.value;
      if (file === 'contract.graphql') expect(print(definition), name).toBe(contract.get(name));
      else
        expect(contract.has(name), `${name} in ${file} shadows a contract operation`).toBe(false);
    }
  });

  it('has generated typed documents that match the operation files (run `npx nx codegen portal-web`)', () => {
    for (const { definition } of operations) {
      const name = (definition as OperationDefinitionNode).name!.value;
      const doc = (generated as Record<string, unknown>)[`${name}Document`] as
        { definitions: OperationDefinitionNode[] } | undefined;
      expect(doc, `${name}Document`).toBeDefined();
      const op = doc!.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
      expect(print(op)).toBe(print(definition));
    }
  });
});
